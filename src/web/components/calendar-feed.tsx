import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { Problem } from './feedback';

/** A secret address a calendar program can subscribe to, so the agenda follows schedule changes. */
export function CalendarFeed({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [feed, setFeed] = useState<{ url: string; webcalUrl: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const ask = async () => {
    setError(null);
    try {
      setFeed(await api.post<{ url: string; webcalUrl: string }>(`/api/events/${eventId}/calendar-feed`));
    } catch (reason) {
      setError(reason as ApiError);
    }
  };

  return (
    <div className="calendar-feed no-print">
      {feed ? (
        <div className="field">
          <label htmlFor={id}>{t('agenda.feedAddress')}</label>
          <input id={id} type="text" readOnly dir="ltr" value={feed.url} onFocus={(e) => e.target.select()} aria-describedby={`${id}-hint`} />
          <p className="hint" id={`${id}-hint`}>
            {t('agenda.subscribeHint')}{' '}
            <a href={feed.webcalUrl}>{t('agenda.openInCalendar')}</a>
          </p>
        </div>
      ) : (
        <button type="button" className="button-quiet" onClick={ask}>
          {t('agenda.subscribe')}
        </button>
      )}
      <Problem error={error} />
    </div>
  );
}
