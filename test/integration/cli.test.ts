import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corridor-cli-'));
// The command line is tried as a new user meets it: embedded database in a fresh data directory.
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', LOG_LEVEL: 'warn' };

function corridor(...args: string[]) {
  return spawnSync(process.execPath, ['bin/corridor.js', ...args], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('corridor command line', () => {
  it('serves the demo event with its printed logins, then imports and exports through the CLI', async () => {
    const server = spawn(process.execPath, ['bin/corridor.js', 'serve', '--demo'], { cwd: root, env });
    let output = '';
    server.stdout.on('data', (chunk) => (output += chunk));
    server.stderr.on('data', (chunk) => (output += chunk));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
        server.stdout.on('data', () => {
          const match = /Open in a browser: (http:\/\/\S+)/.exec(output);
          if (match && /Stop with Ctrl\+C/.test(output)) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
      });
      expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ status: 'ok' });
      const [event] = await (await fetch(`${url}/api/events`)).json();
      expect(event.name).toBe('Pakistan–China Business Conference');
      expect(event.organisations).toBeGreaterThanOrEqual(850);
      const page = await (await fetch(`${url}/api/events/${event.id}/organisations?limit=5`)).json();
      expect(page.total).toBe(event.organisations);

      const password = /password "([^"]+)"/.exec(output)![1]!;
      const organiserEmail = /organiser\s+(\S+@\S+)/.exec(output)![1]!;
      const signIn = await fetch(`${url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: organiserEmail, password }) });
      expect(signIn.status).toBe(200);
      const { token } = await signIn.json();
      const all = await fetch(`${url}/api/events/${event.id}/meeting-requests?status=accepted&limit=1000`, { headers: { authorization: `Bearer ${token}` } });
      expect((await all.json()).length).toBeGreaterThan(500);

      // A second process must not open the embedded database the server is using.
      const clash = corridor('import', 'pakistan-china-business-conference', 'test/fixtures/organisations-good.csv');
      expect(clash.status).toBe(1);
      expect(clash.stderr).toMatch(/in use by process \d+/);
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }

    const bad = corridor('import', 'pakistan-china-business-conference', 'test/fixtures/organisations-bad-country.csv');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('row 4, column "country": "Pakistn" is not a country');

    const good = corridor('import', 'pakistan-china-business-conference', 'test/fixtures/organisations-good.csv');
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('organisations 3 new');

    const exported = corridor('export', 'pakistan-china-business-conference', 'delegates', '-o', path.join(dataDir, 'delegates.xlsx'));
    expect(exported.status).toBe(0);
    expect(fs.statSync(path.join(dataDir, 'delegates.xlsx')).size).toBeGreaterThan(10_000);
  }, 240_000);

  it('stores market observations from a CSV file, all rows or none, and reports with them', () => {
    const header = 'segment,period,metric,value,source,kind,label,note';
    const good = path.join(dataDir, 'observations.csv');
    const bad = path.join(dataDir, 'observations-bad.csv');
    fs.writeFileSync(good, [header, 'trucks,FY2024-25,sales_share,4%,https://example.org/truck-sales,observed,Electric share of truck sales,'].join('\n'));
    fs.writeFileSync(bad, [header, 'trucks,FY2025-26,sales_share,5%,https://example.org/a,observed,Truck share,', 'lorries,2026,sales_share,6%,https://example.org/b,observed,Lorry share,'].join('\n'));

    const refused = corridor('policy', 'import', bad);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('row 3');
    const label = (report: { observations: { label: string; value: number }[] }) => report.observations.filter((o) => o.label === 'Electric share of truck sales');
    const before = corridor('policy', 'report', '--stored', '--json');
    expect(label(JSON.parse(before.stdout))).toEqual([]);
    expect(JSON.parse(before.stdout).observations.some((o: { label: string }) => o.label === 'Truck share')).toBe(false);

    expect(corridor('policy', 'import', good).stdout).toContain('stored: 1 new, 0 updated');
    expect(corridor('policy', 'import', good).stdout).toContain('stored: 0 new, 1 updated');
    const after = JSON.parse(corridor('policy', 'report', '--stored', '--json').stdout);
    expect(label(after)).toEqual([expect.objectContaining({ value: 0.04 })]);
    // Without --stored the report is the shipped data alone.
    expect(label(JSON.parse(corridor('policy', 'report', '--json').stdout))).toEqual([]);
  }, 180_000);

  it('shows help for every command', () => {
    for (const command of ['serve', 'demo', 'import', 'export', 'migrate', 'user', 'recommend', 'solve', 'eval-matching', 'policy']) {
      const help = corridor(command, '--help');
      expect(help.status, command).toBe(0);
      expect(help.stdout, command).toMatch(/Usage: corridor/);
    }
  }, 180_000);
});
