import { describe, expect, it } from 'vitest';
import type { Instance } from '../../../src/domain/scheduling/instance';
import { scheduleFirstComeFirstServed } from '../../../src/domain/scheduling/first-come-first-served';
import { generateBrokerage } from '../../../src/domain/scheduling/generate';
import { compileProblem } from '../../../src/domain/scheduling/problem';
import { solve } from '../../../src/domain/scheduling/solve';
import { assignTables } from '../../../src/domain/scheduling/tables';
import { validateSchedule } from '../../../src/domain/scheduling/validate';

describe('first-come-first-served baseline', () => {
  it('books each request, in order, into the earliest slot free for both', () => {
    const instance: Instance = {
      slots: 4,
      tables: 5,
      participants: ['A', 'B', 'C', 'D'].map((id) => ({ id })),
      meetings: [
        { id: 'AB', a: 'A', b: 'B' },
        { id: 'CD', a: 'C', b: 'D' },
        { id: 'AC', a: 'A', b: 'C' },
        { id: 'BD', a: 'B', b: 'D' },
        { id: 'AD', a: 'A', b: 'D' },
      ],
    };
    const slots = Object.fromEntries(scheduleFirstComeFirstServed(instance).map((a) => [a.meeting, a.slot]));
    expect(slots).toEqual({ AB: 1, CD: 1, AC: 2, BD: 2, AD: 3 });
  });

  it('books fixed meetings first and leaves out what no longer fits', () => {
    const instance: Instance = {
      slots: 2,
      tables: 1,
      participants: ['A', 'B', 'C'].map((id) => ({ id })),
      meetings: [
        { id: 'AB', a: 'A', b: 'B' },
        { id: 'BC', a: 'B', b: 'C' },
        { id: 'AC', a: 'A', b: 'C', fixedSlot: 1 },
      ],
    };
    const schedule = scheduleFirstComeFirstServed(instance);
    expect(schedule.map((a) => [a.meeting, a.slot])).toEqual([
      ['AB', 2],
      ['AC', 1],
    ]);
    expect(validateSchedule(instance, schedule).valid).toBe(true);
  });

  it('produces valid schedules that the optimiser beats on breaks', async () => {
    const instance = generateBrokerage({ buyers: 40, sellers: 20, meetings: 200, slots: 12, seed: 4 });
    // The baseline ignores fairness, as the platforms it stands for do.
    const baseline = validateSchedule(instance, scheduleFirstComeFirstServed(instance), { fairness: Infinity });
    expect(baseline.violations).toEqual([]);
    const result = await solve(instance, { timeLimitMs: 3000 });
    expect(result.scheduled).toBeGreaterThanOrEqual(baseline.scheduled);
    expect(result.breaks).toBeLessThan(baseline.breaks);
  });
});

describe('assignTables', () => {
  it('keeps every host at one table and never seats two meetings at a table', () => {
    const instance = generateBrokerage({ buyers: 30, sellers: 12, meetings: 120, slots: 10, seed: 2 });
    const problem = compileProblem(instance);
    const schedule = scheduleFirstComeFirstServed(instance);
    const slots = new Int32Array(problem.meetingCount).fill(-1);
    schedule.forEach((a) => (slots[problem.meetingIds.indexOf(a.meeting)] = a.slot - 1));
    const tables = assignTables(problem, slots);
    const assignments = schedule.map((a) => ({ ...a, table: tables[problem.meetingIds.indexOf(a.meeting)]! + 1 }));
    const report = validateSchedule(instance, assignments, { fairness: Infinity });
    expect(report.violations).toEqual([]);
    for (const host of instance.participants.filter((p) => p.host)) {
      const used = new Set(
        assignments.filter((a) => instance.meetings.find((m) => m.id === a.meeting && (m.a === host.id || m.b === host.id))).map((a) => a.table),
      );
      expect(used.size).toBeLessThanOrEqual(1);
    }
  });

  it('lets hosts who are never busy at the same time share a table when tables are short', () => {
    const instance: Instance = {
      slots: 2,
      tables: 1,
      participants: [{ id: 'H1', host: true }, { id: 'H2', host: true }, { id: 'G' }],
      meetings: [
        { id: 'a', a: 'H1', b: 'G', fixedSlot: 1 },
        { id: 'b', a: 'H2', b: 'G', fixedSlot: 2 },
      ],
    };
    const problem = compileProblem(instance);
    expect(Array.from(assignTables(problem, Int32Array.from([0, 1])))).toEqual([0, 0]);
  });
});
