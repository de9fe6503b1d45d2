import { describe, expect, it } from 'vitest';
import { checkOutcome, checkReportingOpen, reportingOpensAt } from '../../src/domain/outcomes';

describe('when outcomes can be reported', () => {
  it.each([
    // A meeting in a slot opens when the slot starts, whatever the event's days.
    ['a slot', new Date('2025-09-04T02:20:00Z'), ['2025-09-04'], 'Asia/Shanghai', '2025-09-04T02:20:00.000Z'],
    // Without a slot: midnight of the first day where the event is (Beijing is UTC+8, Karachi UTC+5).
    ['no slot, Beijing', null, ['2025-09-05', '2025-09-04'], 'Asia/Shanghai', '2025-09-03T16:00:00.000Z'],
    ['no slot, Karachi', null, ['2026-03-10'], 'Asia/Karachi', '2026-03-09T19:00:00.000Z'],
  ])('%s', (_case, slot, days, zone, expected) => {
    expect(reportingOpensAt(slot, days, zone)?.toISOString()).toBe(expected);
  });

  it('refuses before the start and without any time, and allows from the start', () => {
    const start = new Date('2025-09-04T02:20:00Z');
    expect(() => checkReportingOpen(start, new Date('2025-09-04T02:19:59Z'))).toThrow(/once the meeting has started/);
    expect(() => checkReportingOpen(null, new Date())).toThrow(/no time yet/);
    expect(() => checkReportingOpen(start, start)).not.toThrow();
  });
});

describe('an outcome as written', () => {
  const held = { attendance: 'held', dealType: 'supply', estimatedValueUsd: 50_000, comment: '  Pilot order  ' } as const;

  it('keeps a held meeting with a deal and trims the comment', () => {
    expect(checkOutcome(held)).toEqual({ ...held, comment: 'Pilot order' });
  });

  it.each([
    [{ ...held, estimatedValueUsd: -1 }, 'estimatedValueUsd'],
    [{ ...held, estimatedValueUsd: 10.5 }, 'estimatedValueUsd'],
    [{ ...held, comment: 'x'.repeat(2001) }, 'comment'],
    // A meeting that did not happen led to no deal with a value.
    [{ ...held, attendance: 'no_show' }, 'dealType'],
    [{ ...held, attendance: 'cancelled', dealType: 'follow_up' }, 'estimatedValueUsd'],
  ] as const)('refuses %o naming %s', (input, field) => {
    expect(() => checkOutcome(input)).toThrow(expect.objectContaining({ field }));
  });

  it('lets a meeting that did not happen lead to a follow-up', () => {
    expect(checkOutcome({ attendance: 'no_show', dealType: 'follow_up', estimatedValueUsd: null, comment: '' })).toMatchObject({ dealType: 'follow_up' });
  });
});
