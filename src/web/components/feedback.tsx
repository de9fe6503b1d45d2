import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/**
 * An API error in the reader's language. The API's own message (English) follows, because it names
 * the exact field or rule, which a translated summary cannot.
 */
export function Problem({ error }: { error: ApiError | undefined | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const summary = t(`errors.${error.code}`, { defaultValue: t('errors.UNKNOWN') });
  return (
    <div className="problem" role="alert">
      <p>{summary}</p>
      {error.message && error.code !== 'NETWORK' ? (
        <p className="problem-detail" lang="en" dir="ltr">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}

/** A polite announcement of something that worked ("Request sent"). */
export function Notice({ children }: { children: string | null }) {
  return (
    <p className="notice" role="status">
      {children}
    </p>
  );
}

/** The API's message when it is about this form field (`field` may be nested, e.g. delegate.email). */
export function problemFor(error: ApiError | undefined | null, field: string): string | null {
  if (!error?.field) return null;
  const path = error.field.split('.');
  return path[path.length - 1] === field || error.field === field ? error.message : null;
}
