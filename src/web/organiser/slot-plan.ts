import { zonedInstant } from '../time';

export interface DayPlan {
  day: string;
  /** Wall-clock times in the event's zone, "HH:MM". */
  from: string;
  to: string;
  meetingMinutes: number;
  /** An optional break (lunch) inside the day; meetings before it are the morning session. */
  breakFrom?: string;
  breakTo?: string;
  breakLabel?: string;
}

export interface PlannedSlot {
  startsAt: string;
  endsAt: string;
  session: string;
  label: string;
  isBreak: boolean;
}

const minutesOf = (time: string) => {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return h * 60 + m;
};
const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * A day cut into meeting slots of equal length, with one optional break. Sessions are named
 * "morning" and "afternoon" around the break, as the scheduler reads them to balance each
 * delegate's meetings across the day. A meeting that would run into the break or past the end
 * is left out.
 */
export function planSlots(plan: DayPlan, timeZone: string): PlannedSlot[] {
  const start = minutesOf(plan.from);
  const end = minutesOf(plan.to);
  const length = Math.round(plan.meetingMinutes);
  if (!(length >= 5) || end <= start) return [];
  const breakStart = plan.breakFrom && plan.breakTo ? minutesOf(plan.breakFrom) : null;
  const breakEnd = plan.breakFrom && plan.breakTo ? minutesOf(plan.breakTo) : null;
  const hasBreak = breakStart !== null && breakEnd !== null && breakEnd > breakStart && breakStart > start && breakEnd < end;
  const at = (minutes: number) => zonedInstant(plan.day, clock(minutes), timeZone).toISOString();
  const slots: PlannedSlot[] = [];
  const meetings = (from: number, to: number, session: string) => {
    for (let t = from; t + length <= to; t += length) {
      slots.push({ startsAt: at(t), endsAt: at(t + length), session, label: `${clock(t)}–${clock(t + length)}`, isBreak: false });
    }
  };
  if (hasBreak) {
    meetings(start, breakStart, 'morning');
    const label = `${plan.breakLabel?.trim() || 'Break'} ${clock(breakStart)}–${clock(breakEnd)}`;
    slots.push({ startsAt: at(breakStart), endsAt: at(breakEnd), session: 'afternoon', label, isBreak: true });
    meetings(breakEnd, end, 'afternoon');
  } else {
    meetings(start, end, '');
  }
  return slots;
}
