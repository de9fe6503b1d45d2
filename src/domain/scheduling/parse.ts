/**
 * Reads a scheduling instance from untrusted JSON. Every error names the field path
 * (`meetings[3].a: unknown participant "p9"`) so an organiser can fix the file.
 */
import { z } from 'zod';
import type { Instance } from './instance';
import { locateJsonError } from './json-syntax';

export class InstanceError extends Error {
  readonly code = 'VALIDATION';
  constructor(readonly issues: string[]) {
    super(issues.join('\n'));
    this.name = 'InstanceError';
  }
}

/** Slots and tables beyond these are certainly typing mistakes, and would exhaust memory. */
const MAX_SLOTS = 1000;
const MAX_TABLES = 1_000_000;

const positiveInt = (what: string) =>
  z.number({ error: `must be ${what}` }).int({ error: `must be ${what}` });

const participantSchema = z.object({
  id: z.string({ error: 'must be a non-empty string' }).min(1, { error: 'must be a non-empty string' }),
  unavailable: z.array(positiveInt('a slot number')).optional(),
  maxMeetings: positiveInt('a whole number ≥ 0').min(0, { error: 'must be ≥ 0' }).optional(),
  host: z.boolean({ error: 'must be true or false' }).optional(),
});

const meetingSchema = z.object({
  id: z.string({ error: 'must be a non-empty string' }).min(1, { error: 'must be a non-empty string' }),
  a: z.string({ error: 'must be a participant id' }),
  b: z.string({ error: 'must be a participant id' }),
  session: z
    .enum(['morning', 'afternoon', 'any'], { error: 'must be "morning", "afternoon" or "any"' })
    .optional(),
  fixedSlot: positiveInt('a slot number').optional(),
  after: z.array(z.string({ error: 'must be a meeting id' })).optional(),
  weight: z
    .number({ error: 'must be a positive number' })
    .positive({ error: 'must be a positive number' })
    .max(1e6, { error: 'must be at most 1000000' })
    .optional(),
});

const instanceSchema = z.object({
  slots: positiveInt('a whole number of slots')
    .min(1, { error: 'must be at least 1' })
    .max(MAX_SLOTS, { error: `must be at most ${MAX_SLOTS}` }),
  tables: positiveInt('a whole number of tables')
    .min(1, { error: 'must be at least 1' })
    .max(MAX_TABLES, { error: `must be at most ${MAX_TABLES}` }),
  morningSlots: positiveInt('a whole number of slots').min(0, { error: 'must be ≥ 0' }).optional(),
  fairness: positiveInt('a whole number ≥ 0').min(0, { error: 'must be ≥ 0' }).optional(),
  participants: z.array(participantSchema, { error: 'must be a list of participants' }),
  meetings: z.array(meetingSchema, { error: 'must be a list of meetings' }),
});

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(instance)' : out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Validates shape and meaning; throws InstanceError listing every problem found (up to 20). */
export function parseInstance(input: unknown): Instance {
  const shaped = instanceSchema.safeParse(input);
  if (!shaped.success) {
    const issues = shaped.error.issues.map((issue) => {
      const missing = issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined;
      return `${formatPath(issue.path)}: ${missing ? 'is required' : issue.message}`;
    });
    throw new InstanceError(issues.slice(0, 20));
  }
  const instance: Instance = shaped.data;
  const issues = checkMeaning(instance);
  if (issues.length > 0) throw new InstanceError(issues.slice(0, 20));
  return instance;
}

function checkMeaning(instance: Instance): string[] {
  const issues: string[] = [];
  const { slots } = instance;
  if (instance.morningSlots !== undefined && instance.morningSlots > slots) {
    issues.push(`morningSlots: must be at most slots (${slots})`);
  }
  const participantIds = new Map<string, number>();
  instance.participants.forEach((participant, i) => {
    if (participantIds.has(participant.id)) {
      issues.push(`participants[${i}].id: duplicate participant id "${participant.id}"`);
    } else participantIds.set(participant.id, i);
    (participant.unavailable ?? []).forEach((slot, j) => {
      if (slot < 1 || slot > slots) {
        issues.push(`participants[${i}].unavailable[${j}]: slot ${slot} is outside 1..${slots}`);
      }
    });
  });
  const meetingIds = new Map<string, number>();
  instance.meetings.forEach((meeting, i) => {
    if (meetingIds.has(meeting.id)) issues.push(`meetings[${i}].id: duplicate meeting id "${meeting.id}"`);
    else meetingIds.set(meeting.id, i);
  });
  instance.meetings.forEach((meeting, i) => {
    const at = `meetings[${i}]`;
    if (!participantIds.has(meeting.a)) issues.push(`${at}.a: unknown participant "${meeting.a}"`);
    if (!participantIds.has(meeting.b)) issues.push(`${at}.b: unknown participant "${meeting.b}"`);
    if (meeting.a === meeting.b) issues.push(`${at}.b: a meeting needs two different participants`);
    const session = meeting.session ?? 'any';
    if (session !== 'any' && instance.morningSlots === undefined) {
      issues.push(`${at}.session: "${session}" needs morningSlots to say where the morning ends`);
    }
    if (meeting.fixedSlot !== undefined && (meeting.fixedSlot < 1 || meeting.fixedSlot > slots)) {
      issues.push(`${at}.fixedSlot: slot ${meeting.fixedSlot} is outside 1..${slots}`);
    }
    (meeting.after ?? []).forEach((id, j) => {
      if (!meetingIds.has(id)) issues.push(`${at}.after[${j}]: unknown meeting "${id}"`);
      else if (id === meeting.id) issues.push(`${at}.after[${j}]: a meeting cannot come after itself`);
    });
  });
  if (issues.length === 0) {
    const cycle = findPrecedenceCycle(instance);
    if (cycle) issues.push(`meetings[${cycle.index}].after: precedence cycle ${cycle.ids.join(' → ')}`);
  }
  return issues;
}

/** Iterative depth-first search, so long precedence chains cannot overflow the stack. */
function findPrecedenceCycle(instance: Instance): { index: number; ids: string[] } | undefined {
  const indexOf = new Map(instance.meetings.map((m, i) => [m.id, i]));
  const n = instance.meetings.length;
  const state = new Uint8Array(n); // 0 new, 1 on the path, 2 done
  for (let root = 0; root < n; root++) {
    if (state[root] !== 0) continue;
    const path: number[] = [root];
    const nextChild: number[] = [0];
    state[root] = 1;
    while (path.length > 0) {
      const top = path[path.length - 1]!;
      const preds = instance.meetings[top]!.after ?? [];
      const k = nextChild[nextChild.length - 1]!;
      if (k >= preds.length) {
        state[top] = 2;
        path.pop();
        nextChild.pop();
        continue;
      }
      nextChild[nextChild.length - 1] = k + 1;
      const child = indexOf.get(preds[k]!)!;
      if (state[child] === 1) {
        const from = path.indexOf(child);
        const ids = path.slice(from).map((i) => instance.meetings[i]!.id);
        return { index: child, ids: [...ids, instance.meetings[child]!.id] };
      }
      if (state[child] === 0) {
        state[child] = 1;
        path.push(child);
        nextChild.push(0);
      }
    }
  }
  return undefined;
}

/** JSON text → instance; syntax errors name the line and column. */
export function parseInstanceText(text: string): Instance {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InstanceError([describeJsonError(text, error)]);
  }
  return parseInstance(data);
}

function describeJsonError(text: string, error: unknown): string {
  const problem = locateJsonError(text);
  if (problem) return `invalid JSON at line ${problem.line}, column ${problem.column}: ${problem.reason}`;
  return `invalid JSON: ${error instanceof Error ? error.message : String(error)}`;
}
