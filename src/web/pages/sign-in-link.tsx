import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { SessionStarted } from '../api/types';
import { Loading, Problem } from '../components/feedback';
import { Page } from '../components/page';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';

// A link works once: remember the exchange so a second render (React's strict mode) does not spend it twice.
const exchanges = new Map<string, Promise<SessionStarted>>();

/** Opens from the e-mailed link (/sign-in/link?token=…) and trades the token for a session. */
export function SignInLinkPage() {
  const { t } = useTranslation();
  const session = useSession();
  const { search } = useLocation();
  const token = search.get('token') ?? '';
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (!token) {
      setError(new ApiError(400, 'LINK_INCOMPLETE', ''));
      return;
    }
    let exchange = exchanges.get(token);
    if (!exchange) {
      exchange = api.post<SessionStarted>('/api/auth/sign-in-link/verify', { token });
      exchanges.set(token, exchange);
    }
    exchange
      .then(async (started) => {
        await session.start(started);
        navigate('/', { replace: true });
      })
      .catch((reason: unknown) => setError(reason instanceof ApiError ? reason : new ApiError(0, 'UNKNOWN', String(reason))));
    // session.start changes identity when the session does; the exchange runs once per token.
  }, [token]);

  return (
    <Page title={t('signInLink.title')} className="narrow">
      {error ? (
        <>
          <Problem error={error} />
          <p>
            <Link to="/sign-in">{t('signInLink.again')}</Link>
          </p>
        </>
      ) : (
        <Loading />
      )}
    </Page>
  );
}
