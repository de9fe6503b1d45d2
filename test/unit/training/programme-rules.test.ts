import { describe, expect, it } from 'vitest';
import { checkRegistrationOpen, deadlineText, placeFor, placesToFill, planSession, planWindow, registrationState } from '../../../src/domain/training/programme-rules';
import { checkAnswers, planQuestions } from '../../../src/domain/training/eligibility';
import { reminderToSend } from '../../../src/domain/training/reminders';

const window = planWindow({ timeZone: 'Asia/Shanghai', registrationOpens: '2030-09-01', registrationDeadline: '2030-09-26' });
const rules = { title: 'Powering Belt and Road', timeZone: 'Asia/Shanghai', capacity: 500, waitlist: true, ...window };
const at = (iso: string, deltaMs = 0) => new Date(Date.parse(iso) + deltaMs);

describe('the registration window', () => {
  it('opens at the start of the first day and closes after the last, in the programme’s zone', () => {
    expect(window.registrationOpensAt!.toISOString()).toBe('2030-08-31T16:00:00.000Z');
    expect(window.registrationClosesAt.toISOString()).toBe('2030-09-26T16:00:00.000Z');
    expect(registrationState(rules, at('2030-08-31T16:00:00Z', -1))).toBe('not-open');
    expect(registrationState(rules, at('2030-08-31T16:00:00Z'))).toBe('open');
    expect(registrationState(rules, at('2030-09-26T16:00:00Z', -1000))).toBe('open');
    expect(registrationState(rules, at('2030-09-26T16:00:00Z'))).toBe('closed');
  });

  it('refuses one second late, saying when it closed', () => {
    expect(() => checkRegistrationOpen(rules, at('2030-09-26T16:00:01Z'))).toThrow(
      expect.objectContaining({ code: 'DEADLINE_PASSED', message: 'Registration for “Powering Belt and Road” closed on Thursday, 26 September 2030 (end of the day, Asia/Shanghai time).' }),
    );
    expect(() => checkRegistrationOpen(rules, at('2030-08-01T00:00:00Z'))).toThrow(expect.objectContaining({ code: 'RULE_VIOLATED', message: expect.stringContaining('opens on Sunday, 1 September 2030 at 00:00') }));
    expect(deadlineText(new Date('2030-09-26T09:00:00Z'), 'Asia/Karachi')).toBe('Thursday, 26 September 2030 at 14:00 (Asia/Karachi time)');
  });

  it('refuses a deadline before the opening, naming the field', () => {
    expect(() => planWindow({ timeZone: 'Asia/Karachi', registrationOpens: '2030-09-27', registrationDeadline: '2030-09-26' })).toThrow(expect.objectContaining({ field: 'registrationDeadline' }));
    expect(() => planWindow({ timeZone: 'Mars/Olympus', registrationDeadline: '2030-09-26' })).toThrow(expect.objectContaining({ field: 'timeZone' }));
  });
});

describe('places', () => {
  it('confirms while places remain, then queues, or refuses when there is no waiting list', () => {
    expect(placeFor(rules, 499)).toBe('confirmed');
    expect(placeFor(rules, 500)).toBe('waitlisted');
    expect(placeFor({ capacity: null, waitlist: false }, 10_000)).toBe('confirmed');
    expect(() => placeFor({ capacity: 500, waitlist: false }, 500)).toThrow(expect.objectContaining({ code: 'LIMIT_REACHED' }));
    expect(placesToFill(500, 499, 3)).toBe(1);
    expect(placesToFill(500, 500, 3)).toBe(0);
    expect(placesToFill(600, 500, 30)).toBe(30);
    expect(placesToFill(null, 500, 30)).toBe(30);
  });
});

describe('sessions', () => {
  it('are read in their own zone and need a link or a venue', () => {
    const s = planSession({ startsAt: '2030-09-28T14:00', endsAt: '2030-09-28T16:00', webinarUrl: 'https://meeting.example/j/1' }, 'Asia/Shanghai', 'sessions.0');
    expect(s.startsAt.toISOString()).toBe('2030-09-28T06:00:00.000Z');
    const inKarachi = planSession({ startsAt: '2030-09-28T11:00', endsAt: '2030-09-28T13:00', timeZone: 'Asia/Karachi', venue: 'COMSATS, Islamabad' }, 'Asia/Shanghai', 'sessions.1');
    expect(inKarachi.startsAt.toISOString()).toBe('2030-09-28T06:00:00.000Z');
    expect(() => planSession({ startsAt: '2030-09-28T14:00', endsAt: '2030-09-28T13:00', venue: 'x' }, 'Asia/Shanghai', 'sessions.2')).toThrow(expect.objectContaining({ field: 'sessions.2.endsAt' }));
    expect(() => planSession({ startsAt: '2030-09-28T14:00', endsAt: '2030-09-28T15:00' }, 'Asia/Shanghai', 'sessions.3')).toThrow(expect.objectContaining({ field: 'sessions.3.webinarUrl' }));
    expect(() => planSession({ startsAt: '2030-09-28T14:00', endsAt: '2030-09-28T15:00', webinarUrl: 'javascript:alert(1)' }, 'Asia/Shanghai', 's')).toThrow(expect.objectContaining({ field: 's.webinarUrl' }));
  });
});

describe('eligibility questions', () => {
  const questions = planQuestions([
    { key: 'country', required: false, allowed: ['Pakistan', 'cn'] },
    { key: 'organisation', required: true },
    { key: 'role', required: false, allowed: ['Engineer', 'Researcher'] },
  ]);

  it('store countries as ISO codes and make a limited answer required', () => {
    expect(questions[0]).toEqual({ key: 'country', required: true, allowed: ['PK', 'CN'] });
    expect(questions[2]).toMatchObject({ required: true });
  });

  it('accept answers in people’s own spelling and refuse the ineligible, naming the field', () => {
    expect(checkAnswers(questions, { country: 'pakistan', organisation: ' Lahore Cells ', role: 'engineer' })).toEqual({ country: 'PK', organisation: 'Lahore Cells', role: 'Engineer' });
    expect(() => checkAnswers(questions, { country: 'IN', organisation: 'x', role: 'Engineer' })).toThrow(expect.objectContaining({ code: 'RULE_VIOLATED', field: 'country' }));
    expect(() => checkAnswers(questions, { country: 'PK', organisation: 'x', role: 'Student' })).toThrow(expect.objectContaining({ code: 'RULE_VIOLATED', field: 'role' }));
    expect(() => checkAnswers(questions, { country: 'PK', role: 'Engineer' })).toThrow(expect.objectContaining({ code: 'VALIDATION', field: 'organisation' }));
    expect(() => checkAnswers([], { country: 'Atlantis' })).toThrow(expect.objectContaining({ field: 'country' }));
    expect(() => planQuestions([{ key: 'role', required: true }, { key: 'role', required: false }])).toThrow(expect.objectContaining({ field: 'questions.1.key' }));
  });
});

describe('reminders', () => {
  const startsAt = new Date('2030-09-28T06:00:00Z');
  const hours = (h: number) => new Date(startsAt.getTime() - h * 3_600_000);
  const base = { offsetsMinutes: [1440, 60], startsAt, confirmedAt: hours(24 * 20), sent: [] as number[] };

  it.each([
    ['nothing before the first is due', base, hours(25), null],
    ['the day-before reminder at 24 hours', base, hours(24), 1440],
    ['nothing more until the hour', { ...base, sent: [1440] }, hours(2), null],
    ['the hour reminder after the day-before one', { ...base, sent: [1440] }, hours(1), 60],
    ['once only', { ...base, sent: [1440, 60] }, hours(0.5), null],
    ['only the nearest after a long outage', base, hours(0.5), 60],
    ['not the day-before one after the nearer one went out', { ...base, sent: [60] }, hours(0.5), null],
    ['none once the session has started', base, hours(0), null],
    ['none whose time came before the person registered', { ...base, confirmedAt: hours(3) }, hours(2), null],
    ['the hour reminder for someone who registered three hours before', { ...base, confirmedAt: hours(3) }, hours(1), 60],
  ] as const)('%s', (_name, c, now, expected) => {
    expect(reminderToSend({ ...c, sent: [...c.sent] }, now)).toBe(expected);
  });
});
