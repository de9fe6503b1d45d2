import { useTranslation } from 'react-i18next';
import type { Meeting, Organisation, ScheduleOverview, ScheduleVersion } from '../api/types';
import { useApi } from '../api/use-api';
import { Page } from '../components/page';
import { Link } from '../router';
import { useSession } from '../session';
import { useEvent } from '../shell/event-context';
import { missingProfileParts } from '../profile/completeness';
import { eventDay } from '../time';

function DelegateSummary() {
  const { t } = useTranslation();
  const { base, event, organisationId, waitingForMe } = useEvent();
  const organisation = useApi<Organisation>(organisationId ? `/api/organisations/${organisationId}` : null);
  const meetings = useApi<Meeting[]>(`/api/events/${event.id}/meetings`);
  const missing = organisation.data ? missingProfileParts(organisation.data) : [];
  const placed = meetings.data?.filter((m) => m.slot).length ?? 0;

  return (
    <>
      {missing.length > 0 ? (
        <div className="callout">
          <h2>{t('home.completeTitle')}</h2>
          <p>{t('home.completeText', { parts: missing.map((part) => t(`profile.parts.${part}`)).join(t('common.listSeparator')) })}</p>
          <Link className="button button-primary" to={`${base}/profile/setup`}>
            {t('home.completeAction')}
          </Link>
        </div>
      ) : null}
      <ul className="tiles">
        <li className="tile">
          <Link to={`${base}/inbox`}>
            <span className="tile-figure">{waitingForMe}</span>
            <span className="tile-label">{t('home.waiting', { count: waitingForMe })}</span>
          </Link>
        </li>
        <li className="tile">
          <Link to={`${base}/agenda`}>
            <span className="tile-figure">{meetings.data?.length ?? '–'}</span>
            <span className="tile-label">{t('home.meetings', { count: meetings.data?.length ?? 0, placed })}</span>
          </Link>
        </li>
        <li className="tile">
          <Link to={`${base}/directory`}>
            <span className="tile-figure" aria-hidden="true">
              ⌕
            </span>
            <span className="tile-label">{t('home.findPartners')}</span>
          </Link>
        </li>
      </ul>
    </>
  );
}

function OrganiserSummary() {
  const { t } = useTranslation();
  const { base, event } = useEvent();
  const schedule = useApi<{ overview: ScheduleOverview; versions: ScheduleVersion[] }>(`/api/events/${event.id}/schedule`);
  const overview = schedule.data?.overview;
  const published = schedule.data?.versions.find((v) => v.status === 'published');
  return (
    <section aria-labelledby="organiser-summary">
      <h2 id="organiser-summary">{t('home.organiserTitle')}</h2>
      {overview ? (
        <p>
          {t('schedule.placedOf', { placed: overview.placed, accepted: overview.accepted })}{' '}
          {published ? t('schedule.publishedVersion', { version: published.version }) : t('schedule.nothingPublished')}
        </p>
      ) : null}
      <Link className="button" to={`${base}/organiser/schedule`}>
        {t('nav.schedule')}
      </Link>
      <p>
        <Link to={`/policy?event=${encodeURIComponent(event.id)}`}>{t('tracker.event.homeLink')}</Link>
      </p>
    </section>
  );
}

export function EventHomePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { event, delegateId, organiser } = useEvent();
  const place = [event.venue, event.city].filter(Boolean).join(', ');
  return (
    <Page title={t('home.title', { name: me?.name ?? '' })}>
      <div className="event-facts">
        <p>
          <strong>{event.name}</strong>
        </p>
        <p>
          {event.days.map(eventDay).join(' · ')}
          {place ? (
            <>
              {' · '}
              <bdi>{place}</bdi>
            </>
          ) : null}
        </p>
        <p className="hint">{t('home.timeZone', { zone: event.timeZone })}</p>
      </div>
      {delegateId ? <DelegateSummary /> : null}
      {organiser ? <OrganiserSummary /> : null}
      {event.description ? <p className="event-description">{event.description}</p> : null}
    </Page>
  );
}
