import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { meetingEntries } from '../../../src/domain/calendar/agenda';
import { calendarFile, foldLines } from '../../../src/domain/calendar/ics';
import { sessionEntries } from '../../../src/domain/training/session-calendar';

const parse = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
const karachi = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Karachi', dateStyle: 'short', timeStyle: 'short' }).format(d);
const shanghai = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(d);

const session = {
  id: '4f0c3d8e-1111-4a1a-9d5e-2f7b6c1a0001',
  title: '锂离子电池 — cells and packs',
  startsAt: new Date('2030-09-28T06:00:00Z'),
  endsAt: new Date('2030-09-28T08:00:00Z'),
  timeZone: 'Asia/Shanghai',
  webinarUrl: 'https://meeting.example/j/2030928',
  venue: null,
  cancelledAt: null,
  updatedAt: new Date('2030-09-01T00:00:00Z'),
  revision: 2,
};
const reader = { language: 'ur', timeZone: 'Asia/Karachi', changedAt: new Date('2030-09-02T00:00:00Z'), revision: 1, confirmed: true, pageUrl: 'https://corridor.example/registrations/reg_x' };

describe('calendar files', () => {
  it('parse in an independent parser with the times right in UTC, Karachi and Shanghai', () => {
    const ics = calendarFile('Powering Belt and Road', sessionEntries({ title: 'Powering Belt and Road: Lithium-ion batteries', organisedBy: ['BTBU', 'ECOSF'] }, [session], reader));
    const [event] = parse(ics);
    expect(event!.uid).toBe(`training-session-${session.id}@corridor`);
    expect(event!.summary).toBe('Powering Belt and Road: Lithium-ion batteries — 锂离子电池 — cells and packs');
    expect(event!.startDate.isDate).toBe(false);
    expect(event!.startDate.zone?.tzid).toBe('UTC');
    expect(event!.startDate.toJSDate().toISOString()).toBe('2030-09-28T06:00:00.000Z');
    expect(shanghai(event!.startDate.toJSDate())).toBe('28/09/2030, 14:00');
    expect(karachi(event!.startDate.toJSDate())).toBe('28/09/2030, 11:00');
    expect(event!.sequence).toBe(3);
    expect(event!.description).toContain('Join: https://meeting.example/j/2030928');
    expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
  });

  it('sends sessions cancelled, without the link, to someone no longer confirmed', () => {
    const [event] = parse(calendarFile('x', sessionEntries({ title: 'T', organisedBy: [] }, [session], { ...reader, confirmed: false, revision: 2 })));
    expect(event!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event!.description).not.toContain('meeting.example');
    expect(event!.sequence).toBe(4);
  });

  it('folds long lines by octets without splitting a character, and unfolds to the same text', () => {
    const line = `SUMMARY:${'锂离子电池'.repeat(12)}`;
    const folded = foldLines(`BEGIN:VCALENDAR\r\n${line}\r\nEND:VCALENDAR\r\n`);
    expect(folded.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(`BEGIN:VCALENDAR\r\n${line}\r\nEND:VCALENDAR\r\n`);
  });

  it('escapes commas, semicolons, backslashes and line breaks so text round-trips, and writes the same file twice', () => {
    const entry = {
      uid: 'meeting-m2@corridor',
      start: new Date('2026-03-10T04:20:00Z'),
      end: new Date('2026-03-10T04:40:00Z'),
      title: 'Meeting: Wang, Fang; Hefei \\ Cells',
      description: 'Line one, with a comma\nLine two; with a semicolon',
      location: 'Table 7, Hall B',
      url: 'https://meeting.example/j/1?a=1,2',
      sequence: 5,
      cancelled: true,
      lastModified: new Date('2026-03-02T00:00:00Z'),
    };
    const ics = calendarFile('Pakistan–China; meetings', [entry]);
    expect(calendarFile('Pakistan–China; meetings', [entry])).toBe(ics);
    const [event] = parse(ics);
    expect(event!.summary).toBe(entry.title);
    expect(event!.description).toBe(entry.description);
    expect(event!.location).toBe(entry.location);
    expect(String(event!.component.getFirstPropertyValue('url'))).toBe(entry.url);
    expect(event!.sequence).toBe(5);
    expect(event!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event!.endDate.toJSDate().toISOString()).toBe('2026-03-10T04:40:00.000Z');
  });

  it('writes an empty calendar that still parses, so a feed can become empty', () => {
    expect(parse(calendarFile('Nothing yet', []))).toEqual([]);
  });

  it('gives meetings the table, the other side and the event’s local time', () => {
    const [entry] = meetingEntries(
      { name: 'Pakistan–China Business Conference', venue: 'Jinnah Convention Centre', city: 'Islamabad', timeZone: 'Asia/Karachi' },
      [{ id: 'm1', cancelled: false, startsAt: new Date('2026-03-10T04:00:00Z'), endsAt: new Date('2026-03-10T04:20:00Z'), tableName: 'Table 007', virtualLink: null, updatedAt: new Date('2026-03-01T00:00:00Z'), revision: 3, other: { name: 'Li Wei', jobTitle: 'CTO', organisation: 'Hefei Cells', country: 'CN' } }],
      'https://corridor.example/events/e/agenda',
    );
    expect(entry).toMatchObject({ uid: 'meeting-m1@corridor', location: 'Table 007, Jinnah Convention Centre, Islamabad', title: 'Meeting: Li Wei (Hefei Cells)', sequence: 3 });
    expect(entry!.description).toContain('Pakistan–China Business Conference: 2026-03-10 09:00–09:20 Asia/Karachi (UTC+05:00)');
  });
});
