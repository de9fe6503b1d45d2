import type { MarketplaceItemInput, OrganisationProfile, UiLanguage } from '../organisation';

/** The conference itself; times of day live in `DemoSlot`. */
export interface DemoEventInfo {
  name: string;
  venue: string;
  city: string;
  /** IANA zone the agenda is shown in. */
  timeZone: string;
  /** ISO dates (YYYY-MM-DD) in the event's time zone. */
  days: string[];
  description: string;
}

export type DemoSession = 'morning' | 'afternoon';

export interface DemoSlot {
  /** ISO date in the event's time zone. */
  day: string;
  /** ISO instant in UTC. */
  start: string;
  end: string;
  session: DemoSession;
  /** Local time range as delegates read it on their agenda, e.g. "09:00–09:20". */
  label: string;
  /** Lunch and coffee breaks: no meetings are placed in them. */
  isBreak: boolean;
}

export interface DemoTable {
  name: string;
  /** Seats at the table (both sides together). */
  capacity: number;
  /** Video link for remote delegates; null for a physical table. */
  virtualLink: string | null;
}

export interface DemoOrganisation extends OrganisationProfile {
  externalId: string;
  items: MarketplaceItemInput[];
}

export interface DemoDelegate {
  externalId: string;
  organisationExternalId: string;
  firstName: string;
  lastName: string;
  role: string;
  email: string;
  language: UiLanguage;
}

export type DemoMeetingRequestStatus = 'pending' | 'accepted' | 'declined' | 'cancelled';

export interface DemoMeetingRequest {
  fromDelegateExternalId: string;
  toDelegateExternalId: string;
  message: string;
  status: DemoMeetingRequestStatus;
}

export interface DemoLogin {
  role: 'organiser' | 'delegate';
  email: string;
  name: string;
}

export interface DemoEvent {
  event: DemoEventInfo;
  slots: DemoSlot[];
  tables: DemoTable[];
  organisations: DemoOrganisation[];
  delegates: DemoDelegate[];
  meetingRequests: DemoMeetingRequest[];
  logins: DemoLogin[];
}

export interface DemoEventOptions {
  /** Same seed, same event. */
  seed?: number;
  /** Number of organisations; the real conference had about 900. */
  organisations?: number;
}
