import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from './components/feedback';
import { Main, Page } from './components/page';
import { EventsPage } from './pages/events';
import { RegisterPage } from './pages/register';
import { SignInLinkPage } from './pages/sign-in-link';
import { SignInPage } from './pages/sign-in';
import { matchPath, Redirect, useLocation } from './router';
import { SessionProvider, useSession } from './session';
import { EventArea } from './shell/event-area';
import { Header } from './shell/header';

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
  if (matchPath('/sign-in/link', pathname)) return <Main><SignInLinkPage /></Main>;
  const register = matchPath('/events/:eventId/register', pathname);
  if (register) return <Main><RegisterPage eventId={register.eventId!} /></Main>;
  if (status === 'signedOut' || matchPath('/sign-in', pathname)) {
    if (status === 'signedIn') return <Redirect to="/" />;
    // Signed out on any other address: sign in here, then that page opens.
    return <Main><SignInPage /></Main>;
  }

  if (matchPath('/', pathname)) return <Main><EventsPage /></Main>;
  const inEvent = /^\/events\/([^/]+)(\/.*)?$/.exec(pathname);
  if (inEvent) return <EventArea key={inEvent[1]} eventId={inEvent[1]!} rest={inEvent[2] ?? ''} />;
  return <Main><NotFound /></Main>;
}
