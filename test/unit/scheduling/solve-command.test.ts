import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerSolveCommand, type SolveCommandIo } from '../../../src/cli/commands/solve';
import { generateForum, forumSizes } from '../../../src/domain/scheduling/generate';
import { validateSchedule } from '../../../src/domain/scheduling/validate';

const dir = mkdtempSync(join(tmpdir(), 'corridor-solve-'));
const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

class ExitCalled extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  let code = -1;
  const io: SolveCommandIo = {
    readText: async (path) => readFileSync(path, 'utf8'),
    out: (text) => (out += text),
    err: (text) => (err += text),
    setExitCode: (c) => (code = c),
    exit: (c) => {
      throw new ExitCalled(c);
    },
    progress: false,
  };
  const program = new Command().name('corridor').configureOutput({ writeErr: (text) => (err += text), writeOut: (text) => (out += text) });
  registerSolveCommand(program, io);
  try {
    await program.parseAsync(['node', 'corridor', 'solve', ...args]);
  } catch (error) {
    if (!(error instanceof ExitCalled)) throw error;
    code = error.code;
  }
  return { code, out, err };
}

const tiny = {
  slots: 3,
  tables: 1,
  participants: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
  meetings: [
    { id: 'ab', a: 'a', b: 'b' },
    { id: 'bc', a: 'b', b: 'c' },
    { id: 'ac', a: 'a', b: 'c' },
  ],
};

describe('corridor solve', () => {
  it('prints one JSON object with the documented fields', async () => {
    const { code, out } = await run(write('tiny.json', JSON.stringify(tiny)), '--time-limit', '5');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(Object.keys(result)).toEqual(['status', 'scheduled', 'total', 'weightScheduled', 'breaks', 'breaksLowerBound', 'breaksSpread', 'seconds', 'assignments']);
    // A triangle in three slots: whoever is in the first and last meeting has one break.
    expect(result).toMatchObject({ status: 'optimal', scheduled: 3, total: 3, weightScheduled: 3, breaks: 1, breaksLowerBound: 1, breaksSpread: 1 });
    expect(validateSchedule(tiny, result.assignments).valid).toBe(true);
  });

  it('honours --fairness', async () => {
    // With fairness 0 nobody may have a break unless everyone has one: only two of three fit.
    const { out } = await run(write('tiny0.json', JSON.stringify(tiny)), '--fairness', '0', '--time-limit', '5');
    expect(JSON.parse(out)).toMatchObject({ status: 'optimal', scheduled: 2, breaks: 0 });
  });

  it('exits 2 naming the field of invalid input', async () => {
    const bad = { ...tiny, meetings: [...tiny.meetings, { id: 'ax', a: 'a', b: 'p9' }] };
    const { code, out, err } = await run(write('bad.json', JSON.stringify(bad)));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('meetings[3].b: unknown participant "p9"');
  });

  it('exits 2 naming line and column of bad JSON', async () => {
    const { code, err } = await run(write('broken.json', '{\n  "slots": 3,\n  "tables": ]\n}'));
    expect(code).toBe(2);
    expect(err).toContain('line 3, column 13');
  });

  it('exits 2 for a missing file and for a bad option', async () => {
    expect((await run(join(dir, 'nowhere.json'))).code).toBe(2);
    const { code, err } = await run(write('ok.json', JSON.stringify(tiny)), '--time-limit', 'soon');
    expect(code).toBe(2);
    expect(err).toContain('--time-limit');
  });

  const wired = readFileSync(new URL('../../../src/cli/commands/index.ts', import.meta.url), 'utf8').includes('registerSolveCommand');
  it.skipIf(!wired)('runs as `node bin/corridor.js solve` and proves a forum-sized instance', () => {
    const file = write('forum.json', JSON.stringify(generateForum(forumSizes()[2]!)));
    const run = spawnSync(process.execPath, ['bin/corridor.js', 'solve', file, '--time-limit', '20'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.scheduled).toBe(result.total);
    expect(result.status).toBe('optimal');
  });
});
