import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { api, ApiError, csrfToken, rememberCsrfToken, whenSessionEnds } from './api/client';
import type { Me, SessionStarted } from './api/types';
import { chooseLanguage, currentLanguage } from './i18n/i18n';
import type { LanguageCode } from './i18n/i18n';

type Status = 'loading' | 'signedOut' | 'signedIn';

const isLanguageCode = (value: string | undefined): value is LanguageCode => value === 'en' || value === 'ur' || value === 'zh';

/** Saves the language on the account: every device shows it after sign-in, and e-mails follow it. */
async function saveLanguageOnAccount(code: LanguageCode): Promise<void> {
  await api.patch('/api/me', { language: code }).catch(() => {});
}

interface Session {
  status: Status;
  me: Me | null;
  /** After sign-in, registration or a sign-in link: keeps the CSRF token and loads who we are. */
  start(started: Pick<SessionStarted, 'csrfToken'> & { user?: { language: string } }): Promise<void>;
  signOut(): Promise<void>;
  /** Switches the language here and, when signed in, on the account (other devices and e-mails follow it). */
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
  // A language picked on the sign-in page becomes the account's once the person has signed in.
  const chosenWhileSignedOut = useRef<LanguageCode | null>(null);
  const signedIn = useRef(false);

  const end = useCallback(() => {
    signedIn.current = false;
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
      signedIn.current = true;
      // The account's language is the person's latest choice on any device.
      if (isLanguageCode(who.language) && who.language !== currentLanguage()) await chooseLanguage(who.language);
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
        const chosen = chosenWhileSignedOut.current;
        chosenWhileSignedOut.current = null;
        if (chosen && chosen !== started.user?.language) await saveLanguageOnAccount(chosen);
        await load();
      },
      async signOut() {
        await api.post('/api/auth/sign-out').catch(() => {});
        end();
      },
      async setLanguage(code) {
        await chooseLanguage(code);
        if (signedIn.current) await saveLanguageOnAccount(code);
        else chosenWhileSignedOut.current = code;
      },
    }),
    [status, me, load, end],
  );

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
