import { describe, expect, it } from 'vitest';
import { forumSizes, generateBrokerage, generateForum, generatePlanted } from '../../../src/domain/scheduling/generate';
import { parseInstance } from '../../../src/domain/scheduling/parse';
import { solve } from '../../../src/domain/scheduling/solve';
import { validateSchedule } from '../../../src/domain/scheduling/validate';

describe('instance generators', () => {
  it('make two-sided events with hosts, partial days, sessions, fixed meetings and follow-ups', () => {
    const instance = parseInstance(
      JSON.parse(JSON.stringify(generateBrokerage({ buyers: 300, sellers: 120, meetings: 1500, slots: 16, seed: 9, fixedShare: 0.02, followUpShare: 0.05 }))),
    );
    expect(instance.meetings).toHaveLength(1500);
    expect(instance.participants).toHaveLength(420);
    expect(instance.participants.filter((p) => p.host)).toHaveLength(120);
    expect(instance.participants.some((p) => p.unavailable && p.unavailable.length > 0)).toBe(true);
    expect(instance.meetings.some((m) => m.session === 'morning')).toBe(true);
    expect(instance.meetings.some((m) => m.fixedSlot !== undefined)).toBe(true);
    expect(instance.meetings.some((m) => (m.after ?? []).length > 0)).toBe(true);
    // Only buyer–seller meetings, never two with the same pair.
    const hosts = new Set(instance.participants.filter((p) => p.host).map((p) => p.id));
    expect(instance.meetings.every((m) => !hosts.has(m.a) && hosts.has(m.b))).toBe(true);
    expect(new Set(instance.meetings.map((m) => `${m.a}-${m.b}`)).size).toBe(1500);
  });

  it('are deterministic for a seed', () => {
    const options = { buyers: 20, sellers: 10, meetings: 60, slots: 8, seed: 5 };
    expect(generateBrokerage(options)).toEqual(generateBrokerage(options));
    expect(generateBrokerage({ ...options, seed: 6 })).not.toEqual(generateBrokerage(options));
  });

  it('make forum instances within the published size ranges', () => {
    for (const size of forumSizes()) {
      expect(size.participants).toBeGreaterThanOrEqual(42);
      expect(size.participants).toBeLessThanOrEqual(78);
      expect(size.meetings).toBeGreaterThanOrEqual(125);
      expect(size.meetings).toBeLessThanOrEqual(302);
      expect(size.slots).toBeGreaterThanOrEqual(8);
      expect(size.slots).toBeLessThanOrEqual(22);
      expect(size.tables).toBeGreaterThanOrEqual(12);
      expect(size.tables).toBeLessThanOrEqual(27);
    }
    const instance = generateForum(forumSizes()[5]!);
    expect(instance.meetings).toHaveLength(forumSizes()[5]!.meetings);
  });

  it('plant a schedule without breaks that the validator accepts, with hosts at their own tables', () => {
    const { instance, schedule } = generatePlanted({ buyers: 400, sellers: 300, meetings: 4000, slots: 20, seed: 3 });
    const parsed = parseInstance(JSON.parse(JSON.stringify(instance)));
    expect(parsed.meetings.length).toBeGreaterThan(2000);
    const report = validateSchedule(parsed, schedule);
    expect(report.violations).toEqual([]);
    expect(report.scheduled).toBe(parsed.meetings.length);
    expect(report.breaks).toBe(0);
    const hosts = new Set(parsed.participants.filter((p) => p.host).map((p) => p.id));
    expect(parsed.meetings.every((m) => !hosts.has(m.a) && hosts.has(m.b))).toBe(true);
    expect(new Set(parsed.meetings.map((m) => `${m.a}-${m.b}`)).size).toBe(parsed.meetings.length);
    expect(parsed.participants.some((p) => (p.unavailable ?? []).length > 0)).toBe(true);
    expect(generatePlanted({ buyers: 40, sellers: 30, meetings: 200, slots: 10, seed: 3 })).toEqual(
      generatePlanted({ buyers: 40, sellers: 30, meetings: 200, slots: 10, seed: 3 }),
    );
  });

  it('make instances where every meeting can be held', async () => {
    const instance = generateForum(forumSizes()[2]!);
    const result = await solve(instance, { timeLimitMs: 3000 });
    expect(validateSchedule(instance, result.assignments).valid).toBe(true);
    expect(result.scheduled).toBe(result.total);
  });
});

describe('solver output on generated events', () => {
  it('finds the optimum (no break) of an event built around a break-free schedule', async () => {
    const { instance } = generatePlanted({ buyers: 150, sellers: 100, meetings: 900, slots: 14, seed: 11 });
    const result = await solve(instance, { timeLimitMs: 8000, seed: 1 });
    const report = validateSchedule(instance, result.assignments);
    expect(report.violations).toEqual([]);
    expect(result.scheduled).toBe(result.total);
    expect(report.breaks).toBe(0);
    expect(result.status).toBe('optimal');
  });

  it('passes the validator where tables are the bottleneck (forum instances at 80% table use)', async () => {
    for (const index of [7, 9, 14]) {
      const instance = generateForum(forumSizes(0.8)[index]!);
      const result = await solve(instance, { timeLimitMs: 1500, seed: index });
      const report = validateSchedule(instance, result.assignments);
      expect(report.violations).toEqual([]);
      expect(report.breaks).toBe(result.breaks);
      expect(result.breaksSpread).toBe(report.breaksSpread);
    }
  });

  it('passes the validator on two-sided events with hosts, fixed meetings and follow-ups', async () => {
    for (const seed of [1, 2]) {
      const instance = generateBrokerage({ buyers: 80, sellers: 40, meetings: 500, slots: 12, seed, fixedShare: 0.03, followUpShare: 0.05 });
      const result = await solve(instance, { timeLimitMs: 1500, seed });
      expect(validateSchedule(instance, result.assignments).violations).toEqual([]);
    }
  });
});
