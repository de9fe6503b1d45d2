import { describe, expect, it } from 'vitest';
import type { Assignment, Instance } from '../../../src/domain/scheduling/instance';
import { countBreaks, validateSchedule } from '../../../src/domain/scheduling/validate';

const base = (): Instance => ({
  slots: 6,
  tables: 2,
  morningSlots: 3,
  participants: [{ id: 'ana' }, { id: 'bo' }, { id: 'chen', unavailable: [6] }, { id: 'dina', maxMeetings: 2 }],
  meetings: [
    { id: 'ab', a: 'ana', b: 'bo' },
    { id: 'ac', a: 'ana', b: 'chen', session: 'morning' },
    { id: 'bc', a: 'bo', b: 'chen', session: 'afternoon' },
    { id: 'ad', a: 'ana', b: 'dina', fixedSlot: 5 },
    { id: 'bd', a: 'bo', b: 'dina', after: ['ab'] },
    { id: 'cd', a: 'chen', b: 'dina' },
  ],
});

const at = (meeting: string, slot: number, table = 1): Assignment => ({ meeting, slot, table });

describe('countBreaks', () => {
  it('counts runs of idle slots between meetings, not idle slots', () => {
    expect(countBreaks([])).toBe(0);
    expect(countBreaks([4])).toBe(0);
    expect(countBreaks([1, 2, 3])).toBe(0);
    expect(countBreaks([1, 3])).toBe(1);
    expect(countBreaks([1, 5])).toBe(1); // one long break
    expect(countBreaks([6, 1, 3, 4])).toBe(2); // order does not matter
  });
});

describe('validateSchedule', () => {
  it('accepts a valid schedule and recomputes its objectives by hand', () => {
    const schedule = [at('ac', 2), at('ab', 3), at('bc', 4), at('ad', 5), at('bd', 6, 2)];
    const report = validateSchedule(base(), schedule);
    expect(report.violations).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.scheduled).toBe(5);
    expect(report.total).toBe(6);
    expect(report.weightScheduled).toBe(5);
    // ana 2,3,5 → 1 break; bo 3,4,6 → 1; chen 2,4 → 1; dina 5,6 → 0.
    expect(Object.fromEntries(report.breaksByParticipant)).toEqual({ ana: 1, bo: 1, chen: 1, dina: 0 });
    expect(report.breaks).toBe(3);
    expect(report.breaksSpread).toBe(1);
  });

  it.each([
    ['participant double-booked', [at('ab', 2), at('ac', 2, 2)], 'participant "ana" has "ab" and "ac" in slot 2'],
    ['table double-booked', [at('ab', 2), at('cd', 2)], 'table 1 in slot 2 holds both'],
    ['slot out of range', [at('ab', 7)], 'slot 7 outside 1..6'],
    ['table out of range', [at('ab', 1, 3)], 'table 3 outside 1..2'],
    ['morning meeting in the afternoon', [at('ac', 4)], 'morning meeting "ac" is in afternoon slot 4'],
    ['afternoon meeting in the morning', [at('bc', 3)], 'afternoon meeting "bc" is in morning slot 3'],
    ['unavailable participant', [at('cd', 6)], 'participant "chen" is unavailable in slot 6'],
    ['fixed meeting elsewhere', [at('ad', 4)], 'fixed in slot 5 but held in slot 4'],
    ['fixed meeting missing', [at('ab', 1)], 'fixed meeting "ad" is not scheduled'],
    ['precedence', [at('ab', 3), at('bd', 3, 2)], 'must come after "ab"'],
    ['unknown meeting', [at('zz', 1)], 'unknown meeting "zz"'],
    ['meeting twice', [at('ab', 1), at('ab', 2)], 'scheduled twice'],
  ])('reports %s', (_name, schedule, message) => {
    const report = validateSchedule(base(), schedule);
    expect(report.valid).toBe(false);
    expect(report.violations.join('\n')).toContain(message);
  });

  it('reports more meetings than maxMeetings', () => {
    const schedule = [at('ad', 5), at('bd', 6), at('cd', 4)];
    expect(validateSchedule(base(), schedule).violations.join()).toContain('"dina" has 3 meetings, more than maxMeetings 2');
  });

  it('reports more meetings in a slot than tables', () => {
    const instance = base();
    instance.tables = 1;
    const report = validateSchedule(instance, [at('ab', 1), at('cd', 1, 2)]);
    expect(report.violations.join()).toContain('slot 1 has 2 meetings for 1 tables');
  });

  it('checks fairness against the participant with the fewest breaks, including idle ones', () => {
    const instance: Instance = {
      slots: 7,
      tables: 3,
      fairness: 1,
      participants: [{ id: 'x' }, { id: 'y' }, { id: 'z' }, { id: 'w' }],
      meetings: [
        { id: 'xy', a: 'x', b: 'y' },
        { id: 'xz', a: 'x', b: 'z' },
        { id: 'xw', a: 'x', b: 'w' },
      ],
    };
    // x meets at 1, 3, 5: two breaks; y, z, w have none → spread 2 > 1.
    const report = validateSchedule(instance, [at('xy', 1), at('xz', 3), at('xw', 5)]);
    expect(report.breaksSpread).toBe(2);
    expect(report.fair).toBe(false);
    expect(report.violations).toEqual(['breaks spread 2 exceeds fairness 1']);
    expect(validateSchedule(instance, [at('xy', 1), at('xz', 3), at('xw', 5)], { fairness: 2 }).valid).toBe(true);
  });

  it('checks that hosts keep one table', () => {
    const instance: Instance = {
      slots: 3,
      tables: 2,
      participants: [{ id: 'host', host: true }, { id: 'g1' }, { id: 'g2' }],
      meetings: [
        { id: 'm1', a: 'host', b: 'g1' },
        { id: 'm2', a: 'g2', b: 'host' },
      ],
    };
    expect(validateSchedule(instance, [at('m1', 1, 2), at('m2', 2, 2)]).valid).toBe(true);
    expect(validateSchedule(instance, [at('m1', 1, 2), at('m2', 2, 1)]).violations).toEqual(['host "host" meets at tables 2 and 1']);
  });
});
