import { useTranslation } from 'react-i18next';
import type { ProgrammeSession } from './types';
import { sessionTimes } from './when';
import type { Zones } from './when';

/**
 * A programme's sessions with their times in the programme's zone and the reader's. Webinar links
 * (which the API sends to organisers and confirmed registrants) show only with `withLinks`, so the
 * public page never shows one, even to a signed-in organiser; `withVenue` hides the venue from a
 * registrant whose place is not confirmed.
 */
export function SessionList({ sessions, zones, withLinks, withVenue }: { sessions: ProgrammeSession[]; zones: Zones; withLinks: boolean; withVenue: boolean }) {
  const { t } = useTranslation();
  return (
    <ol className="cards training-sessions">
      {sessions.map((session, i) => {
        const when = sessionTimes(session, zones);
        return (
          <li key={session.id} className="card">
            <h3>
              {session.title || t('training.sessions.numbered', { number: i + 1 })}
              {session.cancelled ? (
                <>
                  {' '}
                  <span className="state state-cancelled">{t('training.sessions.cancelled')}</span>
                </>
              ) : null}
            </h3>
            <p>
              {when.day} · <span dir="ltr">{when.time}</span> <span className="meta" dir="ltr">({zones.programme})</span>
            </p>
            {when.mine ? (
              <p className="meta">
                {t('training.sessions.yourTime')} {when.mine.day} · <span dir="ltr">{when.mine.time}</span>{' '}
                <span dir="ltr">({zones.mine})</span>
              </p>
            ) : null}
            <SessionPlace session={session} withLinks={withLinks} withVenue={withVenue} />
          </li>
        );
      })}
    </ol>
  );
}

function SessionPlace({ session, withLinks, withVenue }: { session: ProgrammeSession; withLinks: boolean; withVenue: boolean }) {
  const { t } = useTranslation();
  if (session.cancelled) return null;
  const parts = [];
  if (session.online) {
    parts.push(
      withLinks && session.webinarUrl ? (
        <p key="online">
          {t('training.sessions.online')}:{' '}
          <a href={session.webinarUrl} rel="noopener noreferrer" target="_blank" dir="ltr" className="webinar-link">
            {session.webinarUrl}
          </a>
        </p>
      ) : (
        <p key="online" className="meta">
          {t('training.sessions.online')}
        </p>
      ),
    );
  }
  if (session.venue && withVenue) {
    parts.push(
      <p key="venue">
        {t('training.sessions.venue')}: <span dir="auto">{session.venue}</span>
      </p>,
    );
  }
  return <>{parts}</>;
}
