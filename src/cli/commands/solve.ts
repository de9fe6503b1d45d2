/**
 * `corridor solve INSTANCE.json`: schedules a meeting instance and prints one JSON object.
 * Invalid input (unreadable file, bad JSON, a wrong field) exits with code 2 and a message on
 * stderr that names the line, column or field.
 */
import { readFile } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_TIME_LIMIT_SECONDS, InstanceError, parseInstanceText } from '../../domain/scheduling/index';
import { solveSideBySide } from '../../jobs/solve-side-by-side';

export interface SolveCommandIo {
  readText(path: string): Promise<string>;
  out(text: string): void;
  err(text: string): void;
  setExitCode(code: number): void;
  /** Ends the process at once (for usage errors found while parsing options). */
  exit(code: number): void;
  /** Show a progress bar on stderr. */
  progress: boolean;
}

const processIo: SolveCommandIo = {
  readText: (path) => readFile(path, 'utf8'),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  setExitCode: (code) => {
    process.exitCode = code;
  },
  exit: (code) => process.exit(code),
  get progress() {
    return process.stderr.isTTY === true;
  },
};

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError('must be a positive number of seconds');
  return seconds;
}

function parseWhole(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a whole number ≥ 0');
  return n;
}

export function registerSolveCommand(program: Command, io: SolveCommandIo = processIo): void {
  program
    .command('solve')
    .description(
      'Schedule the meetings of an instance file: most weight first, then fewest breaks (gaps between ' +
        "a participant's meetings) within the fairness limit. Prints one JSON object with status " +
        '("optimal" only when proven), counts, breaks, the proven lower bound and the assignments.',
    )
    .argument('<instance>', 'instance JSON file: { slots, tables, morningSlots?, fairness?, participants, meetings }')
    .option('--time-limit <seconds>', 'stop searching after this many seconds (it stops sooner once the schedule is proven optimal)', parseSeconds, DEFAULT_TIME_LIMIT_SECONDS)
    .option('--fairness <d>', "largest allowed difference between a participant's breaks and the fewest anyone has", parseWhole)
    .option('--seed <n>', 'random seed, for reproducible runs', parseWhole, 1)
    .addHelpText(
      'after',
      '\nExit codes: 0 solved (any status), 2 invalid input.\n' +
        'Output: { status, scheduled, total, weightScheduled, breaks, breaksLowerBound, breaksSpread, seconds, assignments: [{ meeting, slot, table }] }',
    )
    // Wrong or missing arguments are invalid input too: exit code 2, as for a bad instance.
    .exitOverride((error) => io.exit(error.exitCode === 0 ? 0 : 2))
    .action(async (file: string, options: { timeLimit: number; fairness?: number; seed: number }) => {
      await runSolve(file, options, io);
    });
}

async function runSolve(file: string, options: { timeLimit: number; fairness?: number; seed: number }, io: SolveCommandIo): Promise<void> {
  let text: string;
  try {
    text = await io.readText(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    io.err(`corridor solve: cannot read ${file}: ${reason}\n`);
    io.setExitCode(2);
    return;
  }
  let instance;
  try {
    instance = parseInstanceText(text);
  } catch (error) {
    if (!(error instanceof InstanceError)) throw error;
    io.err(`corridor solve: invalid instance ${file}:\n${error.issues.map((i) => `  ${i}`).join('\n')}\n`);
    io.setExitCode(2);
    return;
  }
  const bar = io.progress ? new cliProgress.SingleBar({ format: 'solving [{bar}] {percentage}% {message}', stream: process.stderr }, cliProgress.Presets.shades_classic) : undefined;
  bar?.start(100, 0, { message: '' });
  const result = await solveSideBySide(instance, {
    timeLimitMs: options.timeLimit * 1000,
    fairness: options.fairness,
    seed: options.seed,
    onProgress: (fraction, message) => bar?.update(Math.round(fraction * 100), { message }),
  });
  bar?.stop();
  if (result.reasons) io.err(`corridor solve: ${result.status}:\n${result.reasons.map((r) => `  ${r}`).join('\n')}\n`);
  const output = {
    status: result.status,
    scheduled: result.scheduled,
    total: result.total,
    weightScheduled: result.weightScheduled,
    breaks: result.breaks,
    breaksLowerBound: result.breaksLowerBound,
    breaksSpread: result.breaksSpread,
    seconds: Math.round(result.seconds * 1000) / 1000,
    assignments: result.assignments,
  };
  io.out(`${JSON.stringify(output)}\n`);
  io.setExitCode(0);
}
