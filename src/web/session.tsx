import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { api, ApiError, csrfToken, rememberCsrfToken, whenSessionEnds } from './api/client';
import type { Me, SessionStarted } from './api/types';
import { chooseLanguage, savedLanguage } from './i18n/i18n';
import type { LanguageCode } from './i18n/i18n';

type Status = 'loading' | 'signedOut' | 'signedIn';

/**
 * The account's language is kept on its delegate records (the API updates the user with them).
 * Organisers without a delegate record keep their choice on this device only.
 */
async function saveLanguageOnAccount(delegates: Me['delegates'], code: LanguageCode): Promise<void> {
  for (const delegate of delegates) {
    await api.patch(`/api/delegates/${delegate.id}`, { language: code }).catch(() => {});
  }
}

interface Session {
  status: Status;
  me: Me | null;
  /** After sign-in, registration or a sign-in link: keeps the CSRF token and loads who we are. */
  start(started: Pick<SessionStarted, 'csrfToken'> & { user?: { language: string } }): Promise<void>;
  signOut(): Promise<void>;
  /** Switches the language here and, for delegates, in their account (e-mails follow it). */
  setLanguage(code: LanguageCode): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionProvider>');
  return session;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('loading');
  const [me, setMe] = useState<Me | null>(null);

  const end = useCallback(() => {
    rememberCsrfToken(null);
    setMe(null);
    setStatus('signedOut');
  }, []);

  const load = useCallback(async (): Promise<Me | null> => {
    try {
      const who = await api.get<Me>('/api/me');
      const token = who.csrfToken ?? csrfToken();
      // Without the CSRF token this tab could read but not write: sign in again to get one.
      if (!token) {
        end();
        return null;
      }
      rememberCsrfToken(token);
      setMe(who);
      setStatus('signedIn');
      return who;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
        end();
        return null;
      }
      throw error;
    }
  }, [end]);

  useEffect(() => {
    whenSessionEnds(end);
    load().catch(() => end());
  }, [load, end]);

  const session = useMemo<Session>(
    () => ({
      status,
      me,
      async start(started) {
        rememberCsrfToken(started.csrfToken);
        const language = started.user?.language;
        const chosen = savedLanguage();
        // A language chosen on this device wins (and becomes the account's, so e-mails follow it);
        // otherwise the account's language is the one to show.
        if (!chosen && (language === 'en' || language === 'ur' || language === 'zh')) await chooseLanguage(language);
        const who = await load();
        if (chosen && who) await saveLanguageOnAccount(who.delegates.filter((d) => d.language !== chosen), chosen);
      },
      async signOut() {
        await api.post('/api/auth/sign-out').catch(() => {});
        end();
      },
      async setLanguage(code) {
        await chooseLanguage(code);
        await saveLanguageOnAccount(me?.delegates ?? [], code);
      },
    }),
    [status, me, load, end],
  );

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
