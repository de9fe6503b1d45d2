import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { useApi } from '../api/use-api';
import { Loading, Notice, Problem } from '../components/feedback';
import { Page } from '../components/page';
import { Link } from '../router';
import { SessionList } from './session-list';
import type { Cancellation, OwnRegistration } from './types';
import { zonesFor } from './when';

/**
 * A registrant's own page, opened from the secret link in their e-mails: no account, the link is
 * the key. The webinar links and venues come only while the place is confirmed.
 */
export function RegistrationPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const registration = useApi<OwnRegistration>(`/api/registrations/${encodeURIComponent(token)}`);
  const [cancelled, setCancelled] = useState(false);

  if (registration.error) return <Problem error={registration.error} />;
  if (!registration.data) return <Loading />;
  const r = registration.data;
  const { programme } = r;
  const zones = zonesFor(programme.timeZone);
  const confirmed = r.status === 'confirmed';

  return (
    <Page title={t('training.registration.title', { programme: programme.title })} className="narrow training-registration">
      <dl className="facts">
        <dt>{t('training.registration.status')}</dt>
        <dd>
          <span className={`state state-${r.status === 'confirmed' ? 'accepted' : r.status === 'waitlisted' ? 'pending' : 'cancelled'}`}>{t(`training.status.${r.status}`)}</span>
        </dd>
        <dt>{t('training.registration.name')}</dt>
        <dd dir="auto">{r.name}</dd>
        <dt>{t('training.registration.email')}</dt>
        <dd dir="ltr">{r.email}</dd>
      </dl>
      {cancelled ? <Notice>{t('training.registration.cancelledNow')}</Notice> : null}
      {r.status === 'waitlisted' ? <p className="callout">{t('training.registration.waitlisted', { position: r.waitlistPosition ?? 1 })}</p> : null}
      {r.status === 'cancelled' ? (
        <p className="callout">
          {t('training.registration.cancelledText')} <Link to={`/programmes/${programme.slug}`}>{t('training.registration.registerAgain')}</Link>
        </p>
      ) : null}

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('training.sessions.title')}</h2>
        <p className="hint">{zones.programme === zones.mine ? t('training.sessions.zoneSame', { zone: zones.programme }) : t('training.sessions.zones', { zone: zones.programme, mine: zones.mine })}</p>
        <SessionList sessions={programme.sessions} zones={zones} withLinks={confirmed} withVenue={confirmed} />
        {r.status === 'waitlisted' ? <p className="hint">{t('training.registration.linkWhenPlace')}</p> : null}
      </section>

      {confirmed ? (
        <section aria-labelledby="calendar-title">
          <h2 id="calendar-title">{t('training.registration.calendar')}</h2>
          <p>
            <a className="button" href={`/api/registrations/${encodeURIComponent(token)}/calendar.ics`} download="training.ics">
              {t('training.registration.downloadIcs')}
            </a>
          </p>
          {r.calendarUrl ? <FeedAddress url={r.calendarUrl} /> : null}
        </section>
      ) : null}

      {r.certificate ? (
        <section aria-labelledby="certificate-title">
          <h2 id="certificate-title">{t('training.registration.certificate')}</h2>
          <p>
            <a className="button" href={`/api/certificates/${encodeURIComponent(r.certificate.code)}/certificate.pdf`}>
              {t('training.certificate.download')}
            </a>{' '}
            <Link to={`/certificates/${r.certificate.code}`}>{t('training.registration.certificateCode', { code: r.certificate.code })}</Link>
          </p>
        </section>
      ) : null}

      {r.status !== 'cancelled' ? (
        <CancelRegistration
          token={token}
          programme={programme.title}
          onCancelled={() => {
            setCancelled(true);
            registration.reload();
          }}
        />
      ) : null}
      <p>
        <Link to={`/programmes/${programme.slug}`}>{t('training.registration.programmePage')}</Link>
      </p>
    </Page>
  );
}

function FeedAddress({ url }: { url: string }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('training.registration.feedAddress')}</label>
      <input id={id} type="text" readOnly dir="ltr" value={url} onFocus={(e) => e.target.select()} aria-describedby={`${id}-hint`} />
      <p className="hint" id={`${id}-hint`}>
        {t('training.registration.feedHint')} <a href={url.replace(/^https?:/, 'webcal:')}>{t('training.registration.openInCalendar')}</a>
      </p>
    </div>
  );
}

/** Cancelling takes two steps, so a stray tap on a phone does not give the place away. */
function CancelRegistration({ token, programme, onCancelled }: { token: string; programme: string; onCancelled(): void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post<Cancellation>(`/api/registrations/${encodeURIComponent(token)}/cancel`);
      setAsking(false);
      onCancelled();
    } catch (reason) {
      setError(reason as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="cancel-title" className="card">
      <h2 id="cancel-title">{t('training.cancel.title')}</h2>
      {asking ? (
        <>
          <p role="alert">{t('training.cancel.confirm', { programme })}</p>
          <div className="buttons">
            <button type="button" className="button-danger" onClick={cancel} disabled={busy}>
              {t('training.cancel.yes')}
            </button>
            <button type="button" onClick={() => setAsking(false)} disabled={busy}>
              {t('training.cancel.keep')}
            </button>
          </div>
        </>
      ) : (
        <button type="button" className="button-danger" onClick={() => setAsking(true)}>
          {t('training.cancel.start')}
        </button>
      )}
      <Problem error={error} />
    </section>
  );
}
