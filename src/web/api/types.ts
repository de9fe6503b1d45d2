/**
 * Shapes of the API's answers, taken from the services that produce them so that a change on the
 * server shows up here as a type error. Type-only imports: no server code reaches the browser.
 * Dates travel as ISO strings in JSON, hence `Json<…>`.
 */
import type { getEvent, listEvents, listSlots, listTables } from '../../services/events';
import type { getOrganisation, listOrganisations } from '../../services/organisations';
import type { listRequests } from '../../services/meeting-requests';
import type { listMeetings } from '../../services/meetings';
import type { myDelegates } from '../../services/delegates';
import type { CodeEntry } from '../../reference/code-catalog';
import type { getAllocation, getRecommendations } from '../../services/matching/recommendations';
import type { suggestMeetings } from '../../services/matching/suggestions';
import type { ImportSummary } from '../../services/import/import-organisations';
import type { postItem } from '../../services/marketplace-items';
import type { getJob, getSchedules, publishSchedule, scheduleOverview } from '../../services/schedules/schedules';
import type { VALUE_CHAIN_STAGES } from '../../domain/value-chain';
import type { PARTNERSHIP_TYPES, UiLanguage } from '../../domain/organisation';

export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

type Answer<F extends (...args: never[]) => unknown> = Json<Awaited<ReturnType<F>>>;

/** GET /api/me. `csrfToken` comes only for a session cookie; `language` is the account's saved choice. */
export interface Me {
  id: string;
  email: string;
  name: string;
  role: 'organiser' | 'delegate';
  language: string;
  delegates: Answer<typeof myDelegates>;
  csrfToken?: string;
}
export type EventSummary = Answer<typeof listEvents>[number];
export type EventDetails = Answer<typeof getEvent>;
export type Slot = Answer<typeof listSlots>[number];
export type Table = Answer<typeof listTables>[number];
export type OrganisationPage = Answer<typeof listOrganisations>;
export type OrganisationSummary = OrganisationPage['items'][number];
export type Organisation = Answer<typeof getOrganisation>;
export type MarketplaceItem = Answer<typeof postItem>;
export type MeetingRequest = Answer<typeof listRequests>[number];
export type Meeting = Answer<typeof listMeetings>[number];
export type Recommendation = Answer<typeof getRecommendations>[number];
export type Allocation = Answer<typeof getAllocation>;
export type SuggestionsSent = Answer<typeof suggestMeetings>;
export type Job = Answer<typeof getJob>;
export type ScheduleVersion = Answer<typeof getSchedules>[number];
export type ScheduleOverview = Answer<typeof scheduleOverview>;
export type Published = Answer<typeof publishSchedule>;
export type { ImportSummary };
export type Stage = (typeof VALUE_CHAIN_STAGES)[number];
export type PartnershipType = (typeof PARTNERSHIP_TYPES)[number];
export type Language = UiLanguage;

export interface Taxonomy {
  stages: Stage[];
  partnershipTypes: PartnershipType[];
}

export type ReferenceCode = CodeEntry;

export interface SessionStarted {
  token: string;
  csrfToken: string;
  user: { id: string; email: string; name: string; role: 'organiser' | 'delegate'; language: string };
}

/** The organiser's delegate list (with e-mail addresses) and every delegate's agenda, to print. */
export type DelegateListPage = Answer<typeof import('../../services/delegates').listDelegates>;
export type Agendas = Answer<typeof import('../../services/agendas').listAgendas>;
export type Agenda = Agendas['agendas'][number];

/* The demand dashboard and the outcome survey. */
export type Demand = Json<import('../../services/demand').DemandDashboard>;
export type MyOutcome = Answer<typeof import('../../services/outcomes').myOutcomes>[number];
export type ReportedOutcome = Answer<typeof import('../../services/outcomes').reportOutcome>;
export type OutcomesReport = Answer<typeof import('../../services/outcomes').outcomesReport>;
