import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/use-api';
import { Loading, Problem } from '../components/feedback';
import { Page } from '../components/page';
import { languageName } from '../names';
import { Link } from '../router';
import { RegistrationForm } from './registration-form';
import { SessionList } from './session-list';
import type { Programme, RegistrationOutcome } from './types';
import { deadlineParts, momentParts, zonesFor } from './when';

/** A programme's public page: what, when (in its zone and the reader's), places, and the form. */
export function ProgrammePage({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const programme = useApi<Programme>(`/api/programmes/${encodeURIComponent(slug)}`);
  const [outcome, setOutcome] = useState<{ result: RegistrationOutcome; email: string } | null>(null);

  if (programme.error) return <Problem error={programme.error} />;
  if (!programme.data) return <Loading />;
  const p = programme.data;
  const zones = zonesFor(p.timeZone);
  const held = p.sessions.filter((s) => !s.cancelled);

  return (
    <Page title={p.title} className="narrow training-programme">
      {p.organisedBy.length > 0 ? <p className="meta">{t('training.programme.organisedBy', { names: p.organisedBy.join(t('common.listSeparator')) })}</p> : null}
      <dl className="facts">
        <dt>{t('training.programme.language')}</dt>
        <dd>{languageName(p.language)}</dd>
        <dt>{t('training.programme.sessionCount')}</dt>
        <dd>{held.length}</dd>
      </dl>
      {p.description ? <p className="message" dir="auto">{p.description}</p> : null}

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('training.sessions.title')}</h2>
        <p className="hint">{zones.programme === zones.mine ? t('training.sessions.zoneSame', { zone: zones.programme }) : t('training.sessions.zones', { zone: zones.programme, mine: zones.mine })}</p>
        <SessionList sessions={p.sessions} zones={zones} withLinks={false} withVenue />
        {held.some((s) => s.online) ? <p className="hint">{t('training.programme.linkByEmail')}</p> : null}
      </section>

      <section aria-labelledby="registration-title">
        <h2 id="registration-title">{t('training.programme.registration')}</h2>
        <RegistrationWindow programme={p} />
        <Places programme={p} />
        {outcome ? (
          <Outcome outcome={outcome.result} email={outcome.email} />
        ) : p.registration.state === 'open' && !(p.placesLeft === 0 && !p.waitlist) ? (
          <RegistrationForm
            programme={p}
            onRegistered={(result, email) => {
              setOutcome({ result, email });
              programme.reload();
            }}
          />
        ) : null}
      </section>
      <p>
        <Link to="/programmes">{t('training.programmes.all')}</Link>
      </p>
    </Page>
  );
}

function RegistrationWindow({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const { registration, timeZone } = programme;
  const deadline = deadlineParts(registration.closesAt, timeZone);
  const when = deadline.endOfDay ? t('training.window.endOfDay', { day: deadline.day }) : t('training.window.dayAt', { day: deadline.day, time: deadline.time });
  if (registration.state === 'not-open' && registration.opensAt) {
    const opens = momentParts(registration.opensAt, timeZone);
    return <p className="callout">{t('training.window.notOpen', { opens: t('training.window.dayAt', opens), zone: timeZone, deadline: when })}</p>;
  }
  if (registration.state === 'closed') return <p className="callout">{t('training.window.closed', { deadline: when, zone: timeZone })}</p>;
  return <p className="callout">{t('training.window.open', { deadline: when, zone: timeZone })}</p>;
}

function Places({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  if (programme.capacity === null || programme.placesLeft === null) return <p>{t('training.places.unlimited')}</p>;
  if (programme.placesLeft > 0) return <p>{t('training.places.left', { left: programme.placesLeft, capacity: programme.capacity })}</p>;
  return (
    <p>
      {t('training.places.full')} {programme.waitlist ? t('training.places.waitlist', { waiting: programme.waitlistLength }) : t('training.places.noWaitlist')}
    </p>
  );
}

function Outcome({ outcome, email }: { outcome: RegistrationOutcome; email: string }) {
  const { t } = useTranslation();
  const confirmed = outcome.status === 'confirmed';
  return (
    <div className="card training-outcome" role="status">
      <h3>
        <span className={`state ${confirmed ? 'state-accepted' : 'state-pending'}`}>{t(`training.status.${outcome.status}`)}</span>
      </h3>
      {outcome.duplicate ? <p>{t(confirmed ? 'training.outcome.againConfirmed' : 'training.outcome.againWaitlisted')}</p> : null}
      <p>{confirmed ? t('training.outcome.confirmed', { email }) : t('training.outcome.waitlisted', { position: outcome.waitlistPosition ?? 1, email })}</p>
      <p>{t('training.outcome.yourPage')}</p>
    </div>
  );
}
