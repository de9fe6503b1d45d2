import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors';
import { checkAccept, checkNewRequest } from '../../src/domain/meeting-rules';
import type { RequestRules } from '../../src/domain/meeting-rules';

const rules: RequestRules = { requestDeadline: null, maxMeetingsPerDelegate: 3, maxPendingRequestsPerDelegate: 5, crossBorderOnly: true, countries: ['PK', 'CN'] };
const pk = { delegateId: 'd1', organisationId: 'o1', country: 'PK' };
const cn = { delegateId: 'd2', organisationId: 'o2', country: 'CN' };
const idle = { pendingSent: 0, accepted: 0 };
const now = new Date('2026-03-01T00:00:00Z');

function code(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as AppError).code;
  }
}

describe('meeting request rules', () => {
  it('allows a Pakistani–Chinese request within the limits', () => {
    expect(code(() => checkNewRequest(rules, pk, cn, idle, now))).toBeNull();
  });
  it('refuses self, colleagues, same-country and third-country pairs', () => {
    expect(code(() => checkNewRequest(rules, pk, pk, idle, now))).toBe('VALIDATION');
    expect(code(() => checkNewRequest(rules, pk, { ...cn, organisationId: 'o1' }, idle, now))).toBe('VALIDATION');
    expect(code(() => checkNewRequest(rules, pk, { ...cn, country: 'PK' }, idle, now))).toBe('RULE_VIOLATED');
    expect(code(() => checkNewRequest(rules, pk, { ...cn, country: 'DE' }, idle, now))).toBe('RULE_VIOLATED');
    expect(code(() => checkNewRequest({ ...rules, crossBorderOnly: false }, pk, { ...cn, country: 'PK' }, idle, now))).toBeNull();
  });
  it('counts limits up to, not past, the organiser’s numbers', () => {
    expect(code(() => checkNewRequest(rules, pk, cn, { pendingSent: 4, accepted: 2 }, now))).toBeNull();
    expect(code(() => checkNewRequest(rules, pk, cn, { pendingSent: 5, accepted: 0 }, now))).toBe('LIMIT_REACHED');
    expect(code(() => checkAccept(rules, 'pending', { pendingSent: 0, accepted: 2 }, { pendingSent: 0, accepted: 2 }, now))).toBeNull();
    expect(code(() => checkAccept(rules, 'pending', idle, { pendingSent: 0, accepted: 3 }, now))).toBe('LIMIT_REACHED');
  });
  it('closes at the deadline, to the millisecond', () => {
    const deadline = new Date('2026-03-01T00:00:00Z');
    expect(code(() => checkNewRequest({ ...rules, requestDeadline: deadline }, pk, cn, idle, deadline))).toBeNull();
    expect(code(() => checkNewRequest({ ...rules, requestDeadline: deadline }, pk, cn, idle, new Date(deadline.getTime() + 1)))).toBe('DEADLINE_PASSED');
  });
  it('only pending requests can be accepted', () => {
    expect(code(() => checkAccept(rules, 'declined', idle, idle, now))).toBe('CONFLICT');
  });
});
