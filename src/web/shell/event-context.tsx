import { createContext, useContext } from 'react';
import type { EventDetails } from '../api/types';

export interface EventScope {
  event: EventDetails;
  /** The signed-in person's delegate record at this event, if they are a delegate. */
  delegateId: string | null;
  organisationId: string | null;
  organiser: boolean;
  /** Requests waiting for this delegate's answer (the inbox badge). */
  waitingForMe: number;
  refreshCounts(): void;
  /** Loads the event again (after the organiser changes it). */
  reloadEvent(): void;
  /** Base path of the event's pages: `/events/<id>`. */
  base: string;
}

export const EventContext = createContext<EventScope | null>(null);

export function useEvent(): EventScope {
  const scope = useContext(EventContext);
  if (!scope) throw new Error('useEvent outside an event page');
  return scope;
}
