import { describe, expect, it } from 'vitest';
import { InstanceError, parseInstance, parseInstanceText } from '../../../src/domain/scheduling/parse';

const valid = () => ({
  slots: 4,
  tables: 2,
  morningSlots: 2,
  participants: [{ id: 'p1', unavailable: [3] }, { id: 'p2', maxMeetings: 1 }, { id: 'p3' }],
  meetings: [
    { id: 'm1', a: 'p1', b: 'p2', session: 'morning', weight: 2 },
    { id: 'm2', a: 'p2', b: 'p3', fixedSlot: 4, after: ['m1'] },
  ],
});

function issuesOf(input: unknown): string[] {
  try {
    parseInstance(input);
  } catch (error) {
    if (error instanceof InstanceError) return error.issues;
    throw error;
  }
  return [];
}

describe('parseInstance', () => {
  it('accepts the documented format, optional fields included', () => {
    const instance = parseInstance(valid());
    expect(instance.meetings[1]!.after).toEqual(['m1']);
    expect(parseInstance({ slots: 1, tables: 1, participants: [], meetings: [] }).meetings).toEqual([]);
  });

  it.each([
    ['missing field', (x: any) => delete x.slots, 'slots: is required'],
    ['wrong type', (x: any) => (x.tables = 'two'), 'tables: must be a whole number of tables'],
    ['non-integer slots', (x: any) => (x.slots = 2.5), 'slots: must be a whole number of slots'],
    ['unknown participant', (x: any) => (x.meetings[0].a = 'p9'), 'meetings[0].a: unknown participant "p9"'],
    ['same participant twice', (x: any) => (x.meetings[0].b = 'p1'), 'meetings[0].b: a meeting needs two different participants'],
    ['duplicate participant', (x: any) => x.participants.push({ id: 'p2' }), 'participants[3].id: duplicate participant id "p2"'],
    ['duplicate meeting', (x: any) => (x.meetings[1].id = 'm1'), 'meetings[1].id: duplicate meeting id "m1"'],
    ['unknown after', (x: any) => (x.meetings[1].after = ['m7']), 'meetings[1].after[0]: unknown meeting "m7"'],
    ['fixed slot out of range', (x: any) => (x.meetings[1].fixedSlot = 5), 'meetings[1].fixedSlot: slot 5 is outside 1..4'],
    ['unavailable out of range', (x: any) => (x.participants[0].unavailable = [0]), 'participants[0].unavailable[0]: slot 0 is outside 1..4'],
    ['bad session', (x: any) => (x.meetings[0].session = 'evening'), 'meetings[0].session: must be "morning", "afternoon" or "any"'],
    ['session without morningSlots', (x: any) => delete x.morningSlots, 'meetings[0].session: "morning" needs morningSlots'],
    ['morning longer than the day', (x: any) => (x.morningSlots = 9), 'morningSlots: must be at most slots (4)'],
    ['zero weight', (x: any) => (x.meetings[0].weight = 0), 'meetings[0].weight: must be a positive number'],
    ['negative maxMeetings', (x: any) => (x.participants[1].maxMeetings = -1), 'participants[1].maxMeetings: must be ≥ 0'],
    ['meetings not a list', (x: any) => (x.meetings = {}), 'meetings: must be a list of meetings'],
  ])('names the field: %s', (_name, mutate, message) => {
    const input = valid();
    mutate(input);
    expect(issuesOf(input).join('\n')).toContain(message);
  });

  it('finds precedence cycles and names them', () => {
    const input = valid();
    input.meetings[0]!.after = ['m2'] as never;
    expect(issuesOf(input)).toEqual(['meetings[0].after: precedence cycle m1 → m2 → m1']);
  });

  it('copes with a precedence chain far longer than the call stack', () => {
    const n = 50_000;
    const meetings = Array.from({ length: n }, (_, i) => ({ id: `m${i}`, a: 'p1', b: 'p2', after: i > 0 ? [`m${i - 1}`] : [] }));
    const instance = { slots: 2, tables: 1, participants: [{ id: 'p1' }, { id: 'p2' }], meetings };
    expect(parseInstance(instance).meetings).toHaveLength(n);
  });
});

describe('parseInstanceText', () => {
  it('names the line and column of a JSON syntax error', () => {
    const text = '{\n  "slots": 4,\n  "tables": 2,,\n}';
    expect(() => parseInstanceText(text)).toThrow(/line 3, column 15: unexpected ",", expected a property name/);
  });

  it('names the line of an unterminated document', () => {
    expect(() => parseInstanceText('{"slots": 4,\n"tables": [1, 2')).toThrow(/line 2, column 16: unexpected end of input/);
  });
});
