/**
 * Which reminder a registrant should get now for one session. Offsets are minutes before the
 * start (e.g. 1440 and 60). At most one reminder goes out per due point, late ones collapse into
 * the nearest (a server that was down for a day sends the 1-hour reminder, not both), and a
 * reminder whose time came before the person's place was confirmed is skipped: they have just
 * had the confirmation.
 */
export interface ReminderCase {
  offsetsMinutes: number[];
  startsAt: Date;
  confirmedAt: Date;
  /** Offsets already queued for this person and session. */
  sent: number[];
}

export function reminderToSend(c: ReminderCase, now: Date): number | null {
  if (now >= c.startsAt) return null;
  const due = c.offsetsMinutes.filter((offset) => {
    const at = c.startsAt.getTime() - offset * 60_000;
    return at <= now.getTime() && at >= c.confirmedAt.getTime();
  });
  if (due.length === 0) return null;
  const nearest = Math.min(...due);
  return c.sent.some((s) => s <= nearest) ? null : nearest;
}

