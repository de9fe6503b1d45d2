import { useTranslation } from 'react-i18next';
import type { EventSummary } from '../api/types';
import { useApi } from '../api/use-api';
import { Loading, Problem } from '../components/feedback';
import { Page } from '../components/page';
import { Link, Redirect } from '../router';
import { useSession } from '../session';
import { eventDay } from '../time';

/**
 * Every event, and for organisers a way to create one. After sign-in (`/`) the person goes straight
 * into their event when there is only one to go to; `/events` always shows the list.
 */
export function EventsPage({ list = false }: { list?: boolean }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const events = useApi<EventSummary[]>('/api/events');
  if (events.error) return <Problem error={events.error} />;
  if (!events.data) return <Loading />;

  const mine = events.data.filter((e) => me?.delegates.some((d) => d.eventId === e.id));
  const only = mine.length === 1 ? mine[0] : events.data.length === 1 ? events.data[0] : undefined;
  if (only && !list) return <Redirect to={`/events/${only.id}`} />;

  return (
    <Page
      title={t('events.title')}
      actions={
        me?.role === 'organiser' ? (
          <Link className="button button-primary" to="/events/new">
            {t('newEvent.create')}
          </Link>
        ) : undefined
      }
    >
      {events.data.length === 0 ? <p>{t('events.none')}</p> : null}
      <ul className="cards">
        {events.data.map((event) => (
          <li key={event.id} className="card">
            <h2>
              <Link to={`/events/${event.id}`}>{event.name}</Link>
            </h2>
            <p>
              {[event.city, event.venue].filter(Boolean).join(' · ')}
              {event.days.length ? ` · ${event.days.map(eventDay).join(', ')}` : ''}
            </p>
            <p>{t('events.organisations', { count: event.organisations })}</p>
            {mine.includes(event) ? <p className="tag">{t('events.youAreDelegate')}</p> : null}
          </li>
        ))}
      </ul>
    </Page>
  );
}
