import { Command } from 'commander';
import { registerCommands } from './commands/index';

export async function main(argv: string[]): Promise<void> {
  const program = new Command();
  program
    .name('corridor')
    .description('Corridor: B2B matchmaking and meeting scheduling')
    .showHelpAfterError();
  registerCommands(program);
  await program.parseAsync(argv);
}
