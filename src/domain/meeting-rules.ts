import { AppError } from './errors';

/** The event's rules for meeting requests, as the organiser set them. */
export interface RequestRules {
  requestDeadline: Date | null;
  maxMeetingsPerDelegate: number | null;
  maxPendingRequestsPerDelegate: number | null;
  crossBorderOnly: boolean;
  /** When non-empty with crossBorderOnly: both sides must come from these countries. */
  countries: string[];
}

export interface Party {
  delegateId: string;
  organisationId: string;
  country: string;
}

export interface Counts {
  /** Requests this delegate sent that still wait for an answer. */
  pendingSent: number;
  /** Requests accepted with this delegate on either side. */
  accepted: number;
}

export type RequestStatus = 'pending' | 'accepted' | 'declined' | 'cancelled';

export function checkDeadline(rules: RequestRules, now: Date): void {
  if (rules.requestDeadline && now > rules.requestDeadline) {
    throw new AppError('DEADLINE_PASSED', `meeting requests closed at ${rules.requestDeadline.toISOString()}`);
  }
}

/** Checks a new request from one delegate to another; throws the first rule it breaks. */
export function checkNewRequest(rules: RequestRules, from: Party, to: Party, sender: Counts, now: Date): void {
  if (from.delegateId === to.delegateId) throw new AppError('VALIDATION', 'you cannot request a meeting with yourself', 'toDelegateId');
  if (from.organisationId === to.organisationId) {
    throw new AppError('VALIDATION', 'this delegate belongs to your own organisation', 'toDelegateId');
  }
  checkDeadline(rules, now);
  if (rules.crossBorderOnly) {
    if (from.country === to.country) {
      throw new AppError('RULE_VIOLATED', 'this event arranges meetings between organisations of different countries only', 'toDelegateId');
    }
    if (rules.countries.length > 0 && !(rules.countries.includes(from.country) && rules.countries.includes(to.country))) {
      throw new AppError('RULE_VIOLATED', `this event arranges meetings between organisations from ${rules.countries.join(' and ')} only`, 'toDelegateId');
    }
  }
  if (rules.maxPendingRequestsPerDelegate !== null && sender.pendingSent >= rules.maxPendingRequestsPerDelegate) {
    throw new AppError('LIMIT_REACHED', `you already have ${sender.pendingSent} requests waiting for an answer (the limit is ${rules.maxPendingRequestsPerDelegate})`);
  }
  if (rules.maxMeetingsPerDelegate !== null && sender.accepted >= rules.maxMeetingsPerDelegate) {
    throw new AppError('LIMIT_REACHED', `your agenda is full (${rules.maxMeetingsPerDelegate} meetings)`);
  }
}

export function checkAccept(rules: RequestRules, status: RequestStatus, requester: Counts, recipient: Counts, now: Date): void {
  if (status !== 'pending') throw new AppError('CONFLICT', `this request is already ${status}`);
  checkDeadline(rules, now);
  const max = rules.maxMeetingsPerDelegate;
  if (max !== null && recipient.accepted >= max) throw new AppError('LIMIT_REACHED', `your agenda is full (${max} meetings)`);
  if (max !== null && requester.accepted >= max) throw new AppError('LIMIT_REACHED', `the requester's agenda is already full (${max} meetings)`);
}

export function checkDecline(status: RequestStatus): void {
  if (status !== 'pending') throw new AppError('CONFLICT', `this request is already ${status}`);
}

export function checkCancel(status: RequestStatus): void {
  if (status === 'declined' || status === 'cancelled') throw new AppError('CONFLICT', `this request is already ${status}`);
}
