import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { instantOf, isTimeZone, localIso, offsetLabel, offsetMinutesAt, parseMoment, wallTimeAt } from '../../../src/domain/calendar/zoned-time';

describe('reading moments in a time zone', () => {
  it.each([
    // The BTBU–ECOSF webinar: 14:00 in Beijing is 06:00 UTC and 11:00 in Karachi.
    ['2026-09-28T14:00', 'Asia/Shanghai', 'start', '2026-09-28T06:00:00.000Z'],
    ['2026-09-28T14:00', 'Asia/Karachi', 'start', '2026-09-28T09:00:00.000Z'],
    ['2026-09-28 14:00:30', 'Asia/Karachi', 'start', '2026-09-28T09:00:30.000Z'],
    ['2026-09-28T14:00', 'Asia/Kathmandu', 'start', '2026-09-28T08:15:00.000Z'],
    // "Open until 26 September" closes at the first instant of the 27th in the programme's zone.
    ['2026-09-26', 'Asia/Shanghai', 'end', '2026-09-26T16:00:00.000Z'],
    ['2026-09-26', 'Asia/Karachi', 'end', '2026-09-26T19:00:00.000Z'],
    ['2026-12-31', 'Asia/Karachi', 'end', '2026-12-31T19:00:00.000Z'],
    ['2026-09-01', 'Asia/Karachi', 'start', '2026-08-31T19:00:00.000Z'],
    // An explicit offset or Z is an exact instant whatever the zone.
    ['2026-09-28T14:00:00+05:00', 'Asia/Shanghai', 'start', '2026-09-28T09:00:00.000Z'],
    ['2026-09-28T06:00:00Z', 'Asia/Karachi', 'start', '2026-09-28T06:00:00.000Z'],
    // Daylight saving: 02:30 does not exist in New York on 8 March 2026 and moves on by the gap …
    ['2026-03-08T02:30', 'America/New_York', 'start', '2026-03-08T07:30:00.000Z'],
    // … and 01:30 happens twice on 1 November 2026 (and in London on 25 October): the first one counts.
    ['2026-11-01T01:30', 'America/New_York', 'start', '2026-11-01T05:30:00.000Z'],
    ['2026-10-25T01:30', 'Europe/London', 'start', '2026-10-25T00:30:00.000Z'],
    ['2026-07-01T12:00', 'Europe/London', 'start', '2026-07-01T11:00:00.000Z'],
  ] as const)('%s in %s (%s) is %s', (text, zone, means, expected) => {
    expect(parseMoment(text, zone, means)?.toISOString()).toBe(expected);
  });

  it.each(['2026-02-30', '2026-09-28T25:00', '2026-09-28T12:60', 'tomorrow', '28/09/2026', ''])('refuses "%s"', (text) => {
    expect(parseMoment(text, 'Asia/Karachi')).toBeNull();
  });

  it('knows zones from the runtime’s database', () => {
    expect(isTimeZone('Asia/Karachi')).toBe(true);
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Pakistan/Lahore')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('labels offsets as people in the corridor read them', () => {
    const at = new Date('2026-07-01T00:00:00Z');
    expect(offsetLabel(at, 'Asia/Karachi')).toBe('UTC+05:00');
    expect(offsetLabel(at, 'Asia/Shanghai')).toBe('UTC+08:00');
    expect(offsetLabel(at, 'Asia/Kathmandu')).toBe('UTC+05:45');
    expect(offsetLabel(at, 'America/New_York')).toBe('UTC-04:00');
    expect(offsetMinutesAt(new Date('2026-01-15T00:00:00Z'), 'America/New_York')).toBe(-300);
  });

  it('reads back the wall time it writes, in zones without daylight saving', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2060-01-01') }), fc.constantFrom('Asia/Karachi', 'Asia/Shanghai', 'Asia/Kathmandu', 'UTC'), (ms, zone) => {
        const instant = new Date(Math.floor(ms / 1000) * 1000);
        expect(parseMoment(localIso(instant, zone), zone)?.getTime()).toBe(instant.getTime());
      }),
    );
  });

  it('maps every wall time that exists back to itself, across daylight-saving changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2035-01-01') }), fc.constantFrom('America/New_York', 'Europe/London', 'Australia/Sydney'), (ms, zone) => {
        const wall = wallTimeAt(new Date(Math.floor(ms / 60_000) * 60_000), zone);
        expect(wallTimeAt(instantOf(wall, zone), zone)).toEqual(wall);
      }),
    );
  });
});
