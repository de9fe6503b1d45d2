import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/use-api';
import { viewOf } from '../api/request-view';
import type { EventDetails, MeetingRequest } from '../api/types';
import { Loading, Problem } from '../components/feedback';
import { Main, Page } from '../components/page';
import { matchPath } from '../router';
import { useSession } from '../session';
import { EventContext } from './event-context';
import type { EventScope } from './event-context';
import { EventNav } from './event-nav';
import { lazyPage } from '../components/lazy-page';
import { AgendaPage } from '../pages/agenda';
import { DirectoryPage } from '../pages/directory';
import { EventHomePage } from '../pages/event-home';
import { InboxPage } from '../pages/inbox';
import { OrganisationPage } from '../pages/organisation';
import { RecommendationsPage } from '../pages/recommendations';
import { ProfilePage } from '../profile/profile-page';
import { ProfileWizard } from '../profile/profile-wizard';

const DelegatesPage = lazyPage(() => import('../organiser/delegates-page'), 'DelegatesPage');
const MatchmakingPage = lazyPage(() => import('../organiser/matchmaking-page'), 'MatchmakingPage');
const SchedulePage = lazyPage(() => import('../organiser/schedule-page'), 'SchedulePage');
const SetupPage = lazyPage(() => import('../organiser/setup-page'), 'SetupPage');
const TableListsPage = lazyPage(() => import('../organiser/table-lists-page'), 'TableListsPage');
const DemandPage = lazyPage(() => import('../organiser/demand-page'), 'DemandPage');
const OutcomesReportPage = lazyPage(() => import('../organiser/outcomes-report-page'), 'OutcomesReportPage');
const AgendasPage = lazyPage(() => import('../organiser/agendas-page'), 'AgendasPage');
const OutcomesPage = lazyPage(() => import('../pages/outcomes'), 'OutcomesPage');

/** The pages inside one event, relative to /events/<id>. */
const PAGES: { path: string; render: (params: Record<string, string>) => ReactNode; who?: 'delegate' | 'organiser' }[] = [
  { path: '', render: () => <EventHomePage /> },
  { path: '/recommendations', render: () => <RecommendationsPage />, who: 'delegate' },
  { path: '/directory', render: () => <DirectoryPage /> },
  { path: '/organisations/:organisationId', render: ({ organisationId }) => <OrganisationPage organisationId={organisationId!} /> },
  { path: '/inbox', render: () => <InboxPage />, who: 'delegate' },
  { path: '/agenda', render: () => <AgendaPage />, who: 'delegate' },
  { path: '/outcomes', render: () => <OutcomesPage />, who: 'delegate' },
  { path: '/profile', render: () => <ProfilePage />, who: 'delegate' },
  { path: '/profile/setup', render: () => <ProfileWizard />, who: 'delegate' },
  { path: '/organiser/setup', render: () => <SetupPage />, who: 'organiser' },
  { path: '/organiser/delegates', render: () => <DelegatesPage />, who: 'organiser' },
  { path: '/organiser/matchmaking', render: () => <MatchmakingPage />, who: 'organiser' },
  { path: '/organiser/schedule', render: () => <SchedulePage />, who: 'organiser' },
  { path: '/organiser/tables', render: () => <TableListsPage />, who: 'organiser' },
  { path: '/organiser/demand', render: () => <DemandPage />, who: 'organiser' },
  { path: '/organiser/outcomes', render: () => <OutcomesReportPage />, who: 'organiser' },
  { path: '/organiser/agendas', render: () => <AgendasPage />, who: 'organiser' },
];

function NotHere() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.text')}</p>
    </Page>
  );
}

export function EventArea({ eventId, rest }: { eventId: string; rest: string }) {
  const { me } = useSession();
  const event = useApi<EventDetails>(`/api/events/${eventId}`);
  const delegateId = event.data?.viewer.delegateId ?? null;
  const waiting = useApi<MeetingRequest[]>(delegateId ? `/api/events/${eventId}/meeting-requests?box=incoming&status=pending&limit=1000` : null);

  const scope = useMemo<EventScope | null>(() => {
    if (!event.data) return null;
    const record = me?.delegates.find((d) => d.id === delegateId);
    return {
      event: event.data,
      delegateId,
      organisationId: record?.organisationId ?? null,
      organiser: event.data.viewer.organiser,
      waitingForMe: waiting.data?.filter((request) => viewOf(request, delegateId).waitingForMe).length ?? 0,
      refreshCounts: waiting.reload,
      reloadEvent: event.reload,
      base: `/events/${event.data.id}`,
    };
  }, [event.data, event.reload, me, delegateId, waiting.data, waiting.reload]);

  if (event.error) return <Main><Problem error={event.error} /></Main>;
  if (!scope) return <Main><Loading /></Main>;

  let page: ReactNode = <NotHere />;
  for (const candidate of PAGES) {
    const params = matchPath(candidate.path || '/', rest || '/');
    if (!params) continue;
    const allowed = !candidate.who || (candidate.who === 'delegate' ? scope.delegateId : scope.organiser);
    page = allowed ? candidate.render(params) : <NotHere />;
    break;
  }

  return (
    <EventContext.Provider value={scope}>
      <div className="event-bar no-print">
        <p className="event-name">{scope.event.name}</p>
        <EventNav />
      </div>
      <Main>{page}</Main>
    </EventContext.Provider>
  );
}
