import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from './components/feedback';
import { Main, Page } from './components/page';
import { EventsPage } from './pages/events';
import { RegisterPage } from './pages/register';
import { trainingPage } from './training/route-match';
import { SignInLinkPage } from './pages/sign-in-link';
import { SignInPage } from './pages/sign-in';
import { matchPath, Redirect, useLocation } from './router';
import { SessionProvider, useSession } from './session';
import { EventArea } from './shell/event-area';
import { Header } from './shell/header';
import { lazyPage } from './components/lazy-page';

const NewEventPage = lazyPage(() => import('./organiser/new-event-page'), 'NewEventPage');
const TrackerPage = lazyPage(() => import('./tracker/tracker-page'), 'TrackerPage');
const TrainingPage = lazyPage(() => import('./training/routes'), 'TrainingPage');

export function App() {
  return (
    <SessionProvider>
      <Shell />
    </SessionProvider>
  );
}

function Shell() {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <Header />
      <Content />
    </>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.text')}</p>
    </Page>
  );
}

function Content(): ReactNode {
  const { status } = useSession();
  const { pathname } = useLocation();

  if (status === 'loading') return <Main><Loading /></Main>;

  // Pages anyone may open.
  if (matchPath('/policy', pathname)) return <Main><TrackerPage /></Main>;
  if (matchPath('/sign-in/link', pathname)) return <Main><SignInLinkPage /></Main>;
  const register = matchPath('/events/:eventId/register', pathname);
  if (register) return <Main><RegisterPage eventId={register.eventId!} /></Main>;
  const training = trainingPage(pathname);
  if (training) return <Main><TrainingPage page={training} /></Main>;
  if (status === 'signedOut' || matchPath('/sign-in', pathname)) {
    if (status === 'signedIn') return <Redirect to="/" />;
    // Signed out on any other address: sign in here, then that page opens.
    return <Main><SignInPage /></Main>;
  }

  if (matchPath('/', pathname)) return <Main><EventsPage /></Main>;
  if (matchPath('/events', pathname)) return <Main><EventsPage list /></Main>;
  // Before the event pages: "new" is not an event id.
  if (matchPath('/events/new', pathname)) return <Main><NewEventPage /></Main>;
  const inEvent = /^\/events\/([^/]+)(\/.*)?$/.exec(pathname);
  if (inEvent) return <EventArea key={inEvent[1]} eventId={inEvent[1]!} rest={inEvent[2] ?? ''} />;
  return <Main><NotFound /></Main>;
}
