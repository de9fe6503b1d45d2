import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { EventSummary, SessionStarted } from '../api/types';
import { useApi } from '../api/use-api';
import { Notice, Problem } from '../components/feedback';
import { Page } from '../components/page';
import { Link } from '../router';
import { useSession } from '../session';

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const events = useApi<EventSummary[]>('/api/events');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [linkSentTo, setLinkSentTo] = useState<string | null>(null);
  const ids = { email: useId(), password: useId(), hint: useId() };

  const signIn = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setLinkSentTo(null);
    if (!password) {
      setError(new ApiError(400, 'PASSWORD_MISSING', ''));
      return;
    }
    setBusy(true);
    try {
      await session.start(await api.post<SessionStarted>('/api/auth/sign-in', { email: email.trim(), password }));
    } catch (reason) {
      setError(reason as ApiError);
      setBusy(false);
    }
  };

  const sendLink = async () => {
    setError(null);
    if (!email.trim()) {
      setError(new ApiError(400, 'EMAIL_MISSING', ''));
      return;
    }
    setBusy(true);
    try {
      await api.post('/api/auth/sign-in-link', { email: email.trim() });
      setLinkSentTo(email.trim());
    } catch (reason) {
      setError(reason as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('signIn.title')} className="narrow">
      <p>{t('signIn.intro')}</p>
      <form className="card form" onSubmit={signIn} noValidate>
        <div className="field">
          <label htmlFor={ids.email}>{t('signIn.email')}</label>
          <input id={ids.email} type="email" autoComplete="username" dir="ltr" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={ids.password}>{t('signIn.password')}</label>
          <input
            id={ids.password}
            type="password"
            autoComplete="current-password"
            dir="ltr"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-describedby={ids.hint}
          />
          <p className="hint" id={ids.hint}>
            {t('signIn.passwordHint')}
          </p>
        </div>
        <Problem error={error} />
        <Notice>{linkSentTo ? t('signIn.linkSent', { email: linkSentTo }) : null}</Notice>
        <div className="buttons">
          <button type="submit" className="button-primary" disabled={busy}>
            {t('signIn.submit')}
          </button>
          <button type="button" onClick={sendLink} disabled={busy}>
            {t('signIn.sendLink')}
          </button>
        </div>
      </form>
      {events.data && events.data.length > 0 ? (
        <div className="card">
          <h2>{t('signIn.newHere')}</h2>
          <ul className="plain">
            {events.data.map((event) => (
              <li key={event.id}>
                <Link to={`/events/${event.id}/register`}>{t('signIn.registerFor', { event: event.name })}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Page>
  );
}
