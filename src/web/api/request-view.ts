import type { MeetingRequest } from './types';

export type Box = 'received' | 'sent';

export interface RequestView {
  box: Box;
  /** The other person: the sender of a request I received, the recipient of one I sent. */
  other: MeetingRequest['from'];
  suggested: boolean;
  /** For suggested meetings, each side answers; null until they do. */
  myAnswer: 'accepted' | 'declined' | null;
  theirAnswer: 'accepted' | 'declined' | null;
  /** Waiting for my answer: what the inbox badge counts. */
  waitingForMe: boolean;
}

/**
 * How a request looks from one delegate's side. A suggested meeting (proposed by the organisers to
 * both sides) is "received" by both and needs both answers; an ordinary request is sent by one
 * and answered by the other.
 */
export function viewOf(request: MeetingRequest, me: string | null): RequestView {
  const suggested = request.kind === 'suggested';
  const iAmFrom = request.from.id === me;
  const box: Box = suggested || !iAmFrom ? 'received' : 'sent';
  const myAnswer = suggested ? (iAmFrom ? request.fromResponse : request.toResponse) : null;
  const theirAnswer = suggested ? (iAmFrom ? request.toResponse : request.fromResponse) : null;
  return {
    box,
    other: iAmFrom ? request.to : request.from,
    suggested,
    myAnswer,
    theirAnswer,
    waitingForMe: request.status === 'pending' && box === 'received' && myAnswer === null,
  };
}
