import { parseMoment } from './calendar/zoned-time';
import { AppError, validation } from './errors';

/** What one organisation says happened at a meeting, after the event. */
export const ATTENDANCES = ['held', 'no_show', 'cancelled'] as const;
export type Attendance = (typeof ATTENDANCES)[number];

export const DEAL_TYPES = ['none', 'follow_up', 'supply', 'distribution', 'joint_venture', 'investment', 'technology_licence', 'other'] as const;
export type DealType = (typeof DEAL_TYPES)[number];

/** Types that mean something was agreed; 'none' and a promise to talk again are not deals. */
export const AGREEMENT_TYPES: readonly DealType[] = ['supply', 'distribution', 'joint_venture', 'investment', 'technology_licence', 'other'];

export const MAX_OUTCOME_COMMENT = 2000;
/** Above any plausible deal from one meeting (a trillion dollars), and exact in a double. */
export const MAX_ESTIMATED_VALUE_USD = 1_000_000_000_000;

export interface OutcomeInput {
  attendance: Attendance;
  dealType: DealType;
  estimatedValueUsd: number | null;
  comment: string;
}

/**
 * Checks an outcome as a delegate wrote it. A meeting that did not take place can lead to a
 * promise to meet again, but not to a deal with a value: that keeps no-shows out of the deal figures.
 */
export function checkOutcome(input: OutcomeInput): OutcomeInput {
  const comment = input.comment.trim();
  if (comment.length > MAX_OUTCOME_COMMENT) throw validation('comment', `is longer than ${MAX_OUTCOME_COMMENT} characters`);
  const value = input.estimatedValueUsd;
  if (value !== null && (!Number.isInteger(value) || value < 0 || value > MAX_ESTIMATED_VALUE_USD)) {
    throw validation('estimatedValueUsd', `must be a whole number of US dollars from 0 to ${MAX_ESTIMATED_VALUE_USD}`);
  }
  if (input.attendance !== 'held') {
    if (input.dealType !== 'none' && input.dealType !== 'follow_up') {
      throw validation('dealType', `a meeting reported as "${input.attendance}" cannot have led to a ${input.dealType} deal; report it as held, or choose none or follow-up`);
    }
    if (value !== null) throw validation('estimatedValueUsd', `a meeting reported as "${input.attendance}" has no deal value; leave it empty`);
  }
  return { ...input, comment, estimatedValueUsd: value };
}

/**
 * When outcomes of a meeting can be reported: from the start of its slot, or for a meeting without
 * a slot, from the start of the event's first day in the event's time zone.
 */
export function reportingOpensAt(slotStartsAt: Date | null, eventDays: readonly string[], timeZone: string): Date | null {
  if (slotStartsAt) return slotStartsAt;
  const firstDay = [...eventDays].sort()[0];
  return firstDay ? parseMoment(firstDay, timeZone) : null;
}

export function checkReportingOpen(opensAt: Date | null, now: Date): void {
  if (!opensAt) throw new AppError('RULE_VIOLATED', 'this meeting has no time yet: outcomes can be reported once it has taken place');
  if (now < opensAt) {
    throw new AppError('RULE_VIOLATED', `outcomes can be reported once the meeting has started (${opensAt.toISOString()})`);
  }
}
