import type { Command } from 'commander';
import { readConfig } from '../../config';
import { startServer } from '../../server';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Start the HTTP server (API and its docs) and the e-mail worker')
    .option('--demo', 'load the demo event first if it is not there yet')
    .option('--port <port>', 'port to listen on (default: PORT or 3000)')
    .option('--host <host>', 'address to listen on (default: HOST or 127.0.0.1)')
    .action(async (options: { demo?: boolean; port?: string; host?: string }) => {
      const config = readConfig({ ...process.env, ...(options.port ? { PORT: options.port } : {}), ...(options.host ? { HOST: options.host } : {}) });
      const started = Date.now();
      if (options.demo) console.log('Preparing the database and the demo event…');
      const server = await startServer(config, { demo: options.demo });
      const storage = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PostgreSQL in ${config.dataDir}`;
      console.log(`\nCorridor is running (${storage}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
      console.log(`  Open in a browser: ${server.url}`);
      console.log(`  Policy tracker:    ${server.url}/policy`);
      console.log(`  API docs:          ${server.url}/api/docs`);
      console.log(`  Health:            ${server.url}/api/health`);
      if (server.demo) {
        console.log(`\nDemo event "Pakistan–China Business Conference" (${server.demo.organisations} organisations, ${server.demo.delegates} delegates)`);
        console.log(`  Event id:   ${server.demo.eventId}`);
        console.log(`  Sign in with password "${server.demo.password}" as:`);
        for (const login of server.demo.logins) console.log(`    ${login.role.padEnd(9)} ${login.email.padEnd(44)} ${login.name}`);
      }
      console.log(`\nE-mail: ${config.smtpUrl ? 'SMTP (SMTP_URL)' : `written to ${config.dataDir}/outbox as .eml files`}. Stop with Ctrl+C.`);
      const shutdown = async () => {
        await server.stop();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}
