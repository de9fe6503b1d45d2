import { useTranslation } from 'react-i18next';
import type { Meeting } from '../api/types';
import { useApi } from '../api/use-api';
import { CalendarFeed } from '../components/calendar-feed';
import { Loading, Problem } from '../components/feedback';
import { Page } from '../components/page';
import { countryName, personName } from '../names';
import { Link } from '../router';
import { useSession } from '../session';
import { useEvent } from '../shell/event-context';
import { dayKey, dayName, deviceTimeZone, sameClock, timeRange } from '../time';

type Scheduled = Meeting & { slot: NonNullable<Meeting['slot']> };

function Counterpart({ meeting }: { meeting: Meeting }) {
  const { base, delegateId } = useEvent();
  const other = meeting.a.id === delegateId ? meeting.b : meeting.a;
  return (
    <div className="counterpart">
      <strong>{personName(other)}</strong>
      {other.jobTitle ? <span className="meta"> · {other.jobTitle}</span> : null}
      <div className="meta">
        <Link to={`${base}/organisations/${other.organisationId}`}>{other.organisationName}</Link> · {countryName(other.country)}
      </div>
    </div>
  );
}

/** Where the meeting is: a table (named by the organisers, e.g. "Table 12" or "B4") or a video link. */
function Place({ table }: { table: Meeting['table'] }) {
  const { t } = useTranslation();
  if (!table) return <span className="hint">{t('agenda.noTable')}</span>;
  return (
    <>
      <span className="place-label">{t(table.virtualLink ? 'agenda.video' : 'agenda.table')}</span>
      <span className="place-name" dir="auto">
        {table.name}
      </span>
      {table.virtualLink ? (
        <a href={table.virtualLink} rel="noopener noreferrer" target="_blank" dir="ltr" className="video-link">
          {table.virtualLink}
        </a>
      ) : null}
    </>
  );
}

function MeetingRow({ meeting, zones }: { meeting: Scheduled; zones: { event: string; mine: string } }) {
  const { t } = useTranslation();
  const { slot } = meeting;
  const showMine = !sameClock(slot.startsAt, zones.event, zones.mine);
  return (
    <li className="agenda-item">
      <div className="agenda-time">
        <span className="time" dir="ltr">
          {timeRange(slot.startsAt, slot.endsAt, zones.event)}
        </span>
        {showMine ? (
          <span className="time-mine">
            {t('agenda.yourTime')} <span dir="ltr">{timeRange(slot.startsAt, slot.endsAt, zones.mine)}</span>
          </span>
        ) : null}
      </div>
      <Counterpart meeting={meeting} />
      <div className="agenda-place">
        <Place table={meeting.table} />
      </div>
    </li>
  );
}

/** The delegate's meetings by day, in the event's time zone and (when different) their own. */
export function AgendaPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { event, base } = useEvent();
  const meetings = useApi<Meeting[]>(`/api/events/${event.id}/meetings`);
  const zones = { event: event.timeZone, mine: deviceTimeZone() };

  if (meetings.error) return <Problem error={meetings.error} />;
  if (!meetings.data) return <Loading />;
  const scheduled = meetings.data.filter((m): m is Scheduled => m.slot !== null);
  const waiting = meetings.data.filter((m) => m.slot === null);
  const days = new Map<string, Scheduled[]>();
  for (const meeting of scheduled) {
    const key = dayKey(meeting.slot.startsAt, zones.event);
    days.set(key, [...(days.get(key) ?? []), meeting]);
  }

  return (
    <Page
      title={t('agenda.title')}
      className="agenda"
      actions={
        <>
          <a className="button" href={`/api/events/${event.id}/agenda.ics`} download="agenda.ics">
            {t('agenda.download')}
          </a>
          <button type="button" onClick={() => window.print()}>
            {t('agenda.print')}
          </button>
        </>
      }
    >
      <p className="print-only">
        {me?.name} · {event.name}
      </p>
      <p className="hint">
        {zones.event === zones.mine ? t('agenda.zoneSame', { zone: zones.event }) : t('agenda.zones', { event: zones.event, mine: zones.mine })}
      </p>
      <CalendarFeed eventId={event.id} />
      <p className="no-print">
        <Link to={`${base}/outcomes`}>{t('outcomes.fromAgenda')}</Link>
      </p>
      {meetings.data.length === 0 ? <p>{t('agenda.empty')}</p> : null}
      {[...days.entries()].map(([key, list]) => (
        <section key={key} className="agenda-day" aria-labelledby={`day-${key}`}>
          <h2 id={`day-${key}`}>{dayName(list[0]!.slot.startsAt, zones.event)}</h2>
          <ol className="agenda-list">
            {list.map((meeting) => (
              <MeetingRow key={meeting.id} meeting={meeting} zones={zones} />
            ))}
          </ol>
        </section>
      ))}
      {waiting.length > 0 ? (
        <section className="agenda-day" aria-labelledby="not-yet-scheduled">
          <h2 id="not-yet-scheduled">{t('agenda.notYetScheduled')}</h2>
          <p className="hint">{t('agenda.notYetScheduledHint')}</p>
          <ul className="agenda-list">
            {waiting.map((meeting) => (
              <li key={meeting.id} className="agenda-item">
                <div className="agenda-time">
                  <span className="hint">{t('agenda.timeToCome')}</span>
                </div>
                <Counterpart meeting={meeting} />
                <div className="agenda-place" />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}
