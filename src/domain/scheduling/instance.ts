/**
 * The B2B meeting scheduling problem as organisers and the `corridor solve` JSON format state it.
 * Slots and tables are 1-based here, as people count them; solver internals are 0-based.
 */

export type Session = 'morning' | 'afternoon' | 'any';

export interface Participant {
  id: string;
  /** Slots (1..slots) in which the participant cannot meet. */
  unavailable?: number[];
  /** At most this many meetings for the participant. */
  maxMeetings?: number;
  /** A host (e.g. an exhibitor) stays at one table all day; guests come to it. */
  host?: boolean;
}

export interface Meeting {
  id: string;
  a: string;
  b: string;
  session?: Session;
  /** The meeting is held in this slot (agreed or already announced). */
  fixedSlot?: number;
  /** Ids of meetings this one must come strictly after. */
  after?: string[];
  /** Importance when not every meeting fits (default 1). */
  weight?: number;
}

export interface Instance {
  slots: number;
  tables: number;
  /** Slots 1..morningSlots are the morning session, the rest the afternoon. */
  morningSlots?: number;
  /** Largest allowed difference between a participant's breaks and the fewest anyone has. */
  fairness?: number;
  participants: Participant[];
  meetings: Meeting[];
}

export interface Assignment {
  meeting: string;
  slot: number;
  table: number;
}

export type SolveStatus = 'optimal' | 'feasible' | 'infeasible' | 'unknown';

/** Why the search ended. */
export type StopReason = 'proven' | 'time-limit' | 'cancelled' | 'infeasible';

export interface SolveResult {
  /** "optimal" only when every objective level is proven optimal. */
  status: SolveStatus;
  scheduled: number;
  total: number;
  weightScheduled: number;
  breaks: number;
  breaksLowerBound: number;
  /** max over participants of breaks minus min over participants. */
  breaksSpread: number;
  seconds: number;
  assignments: Assignment[];
  /** Re-plans only: meetings of the previous schedule now held in another slot. */
  moved?: number;
  /** Upper bound on the weight any schedule can reach. */
  weightUpperBound: number;
  stopReason: StopReason;
  /** Human-readable reasons when the instance is infeasible. */
  reasons?: string[];
}

export const DEFAULT_FAIRNESS = 2;

/** How long `corridor solve` and the organiser's "build schedule" search unless told otherwise. */
export const DEFAULT_TIME_LIMIT_SECONDS = 30;
