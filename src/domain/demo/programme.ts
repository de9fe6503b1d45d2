import type { DemoEventInfo, DemoSession, DemoSlot, DemoTable } from './types';

/**
 * The day as the real conference ran it: Beijing, 4 September 2025 (FACTS [57]). Times are
 * Beijing local; China keeps UTC+8 all year, so the UTC instants are fixed.
 */
const DAY = '2025-09-04';
const UTC_OFFSET_HOURS = 8;

export const DEMO_EVENT_INFO: DemoEventInfo = {
  name: 'Pakistan–China Business Conference',
  venue: 'Silk Road Convention Centre, Hall B',
  city: 'Beijing',
  timeZone: 'Asia/Shanghai',
  days: [DAY],
  description:
    'A day of one-on-one meetings between Pakistani and Chinese companies in electric vehicles and ' +
    '2/3-wheelers, batteries, charging, solar and storage, chemicals and agriculture. Modelled on the ' +
    '2nd Pakistan–China B2B Conference (Beijing, 4 September 2025: about 900 enterprises, 2,500 ' +
    'delegates and 3,000 meetings). All organisations and people in this demo are fictional.',
};

/**
 * 20-minute meetings: 10 in the morning and 12 in the afternoon around coffee and lunch. With
 * 150 tables that is 3,300 table-slots for about 3,000 accepted meetings, the tightest plan a
 * scheduler can still fill.
 */
const DAY_PLAN: readonly { session: DemoSession; start: string; end: string; breakLabel?: string }[] = [
  { session: 'morning', start: '09:00', end: '10:40' },
  { session: 'morning', start: '10:40', end: '11:00', breakLabel: 'Coffee break' },
  { session: 'morning', start: '11:00', end: '12:40' },
  { session: 'afternoon', start: '12:40', end: '13:40', breakLabel: 'Lunch' },
  { session: 'afternoon', start: '13:40', end: '15:40' },
  { session: 'afternoon', start: '15:40', end: '16:00', breakLabel: 'Coffee break' },
  { session: 'afternoon', start: '16:00', end: '18:00' },
];
const MEETING_MINUTES = 20;

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function instant(day: string, localMinutes: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const utc = Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1, 0, localMinutes - UTC_OFFSET_HOURS * 60);
  return new Date(utc).toISOString();
}

export function demoSlots(): DemoSlot[] {
  const slots: DemoSlot[] = [];
  for (const block of DAY_PLAN) {
    const from = minutesOf(block.start);
    const to = minutesOf(block.end);
    const step = block.breakLabel ? to - from : MEETING_MINUTES;
    for (let start = from; start < to; start += step) {
      const end = start + step;
      slots.push({
        day: DAY,
        start: instant(DAY, start),
        end: instant(DAY, end),
        session: block.session,
        label: block.breakLabel ? `${block.breakLabel} ${clock(start)}–${clock(end)}` : `${clock(start)}–${clock(end)}`,
        isBreak: block.breakLabel !== undefined,
      });
    }
  }
  return slots;
}

/** Virtual tables serve delegates who join by video; the rest stand in the hall. */
const VIRTUAL_TABLES = 6;
const TABLES = 150;

export function demoTables(): DemoTable[] {
  return Array.from({ length: TABLES }, (_, i) => {
    const number = i + 1;
    if (number > TABLES - VIRTUAL_TABLES) {
      const v = number - (TABLES - VIRTUAL_TABLES);
      return {
        name: `Virtual ${v}`,
        capacity: 8,
        virtualLink: `https://meet.corridor.example/pkcn-2025/virtual-${String(v).padStart(2, '0')}`,
      };
    }
    // The last hall row has larger tables for bigger delegations.
    return { name: `Table ${number}`, capacity: number > 120 ? 6 : 4, virtualLink: null };
  });
}
