import { useTranslation } from 'react-i18next';
import { Link, useLocation } from '../router';
import { useEvent } from './event-context';

function NavLink({ to, label, badge }: { to: string; label: string; badge?: string }) {
  const { pathname } = useLocation();
  const current = pathname === to || (to.split('/').length > 3 && pathname.startsWith(`${to}/`));
  return (
    <li>
      <Link to={to} aria-current={current ? 'page' : undefined}>
        {label}
        {badge ? <span className="badge">{badge}</span> : null}
      </Link>
    </li>
  );
}

/** The event's pages: the delegate's, then (for its organisers) the organiser's. */
export function EventNav() {
  const { t } = useTranslation();
  const { event, base, delegateId, organiser, waitingForMe } = useEvent();
  return (
    <nav className="event-nav no-print" aria-label={t('nav.label', { event: event.name })}>
      <ul>
        <NavLink to={base} label={t('nav.home')} />
        {delegateId ? <NavLink to={`${base}/recommendations`} label={t('nav.recommendations')} /> : null}
        <NavLink to={`${base}/directory`} label={t('nav.directory')} />
        {delegateId ? (
          <>
            <NavLink
              to={`${base}/inbox`}
              label={t('nav.inbox')}
              badge={waitingForMe > 0 ? t('nav.waiting', { count: waitingForMe }) : undefined}
            />
            <NavLink to={`${base}/agenda`} label={t('nav.agenda')} />
            <NavLink to={`${base}/outcomes`} label={t('outcomes.nav')} />
            <NavLink to={`${base}/profile`} label={t('nav.profile')} />
          </>
        ) : null}
      </ul>
      {organiser ? (
        <ul aria-label={t('nav.organiserLabel')}>
          <NavLink to={`${base}/organiser/setup`} label={t('nav.setup')} />
          <NavLink to={`${base}/organiser/delegates`} label={t('nav.delegates')} />
          <NavLink to={`${base}/organiser/demand`} label={t('demand.nav')} />
          <NavLink to={`${base}/organiser/matchmaking`} label={t('nav.matchmaking')} />
          <NavLink to={`${base}/organiser/schedule`} label={t('nav.schedule')} />
          <NavLink to={`${base}/organiser/tables`} label={t('nav.tables')} />
          <NavLink to={`${base}/organiser/outcomes`} label={t('outcomes.report.nav')} />
          <NavLink to={`${base}/organiser/agendas`} label={t('agendas.nav')} />
          <NavLink to="/events" label={t('newEvent.allEvents')} />
        </ul>
      ) : null}
    </nav>
  );
}
