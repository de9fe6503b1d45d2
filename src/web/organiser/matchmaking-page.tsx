import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { Allocation, SuggestionsSent } from '../api/types';
import { useApi } from '../api/use-api';
import { Loading, Notice, Problem } from '../components/feedback';
import { TextField } from '../components/fields';
import { Page } from '../components/page';
import { currentLocale } from '../i18n/i18n';
import { useEvent } from '../shell/event-context';

/**
 * How fairly recommendations spread over the event's organisations, and suggested meetings sent to
 * both sides of the best pairs (each side accepts or declines in their inbox).
 */
export function MatchmakingPage() {
  const { t } = useTranslation();
  const { event } = useEvent();
  const allocation = useApi<Allocation>(`/api/events/${event.id}/matching/allocation?k=10`);
  const [form, setForm] = useState({ k: '5', minScore: '0.15', limit: '500' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const number = new Intl.NumberFormat(currentLocale());
  const percent = new Intl.NumberFormat(currentLocale(), { style: 'percent' });

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!window.confirm(t('matchmaking.confirm', { limit: form.limit }))) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const sent = await api.post<SuggestionsSent>(`/api/events/${event.id}/suggested-meetings`, { k: Number(form.k), minScore: Number(form.minScore), limit: Number(form.limit) });
      setNotice(t('matchmaking.sent', { count: sent.created, candidates: number.format(sent.candidates) }));
    } catch (reason) {
      setError(reason as ApiError);
    } finally {
      setBusy(false);
    }
  };

  const a = allocation.data;
  return (
    <Page title={t('matchmaking.title')}>
      <Problem error={allocation.error} />
      {!a ? (
        allocation.error ? null : <Loading />
      ) : (
        <>
          <ul className="tiles">
            <li className="tile">
              <span className="tile-figure">{percent.format(a.coverage)}</span>
              <span className="tile-label">{t('matchmaking.coverage', { k: a.k })}</span>
            </li>
            <li className="tile">
              <span className="tile-figure">{number.format(a.withoutSuggestions)}</span>
              <span className="tile-label">{t('matchmaking.without')}</span>
            </li>
            <li className="tile">
              <span className="tile-figure">{a.exposureGini.toFixed(2)}</span>
              <span className="tile-label">{t('matchmaking.gini')}</span>
            </li>
          </ul>
          <section className="card" aria-labelledby="most-exposed">
            <h2 id="most-exposed">{t('matchmaking.mostExposed')}</h2>
            <p className="hint">{t('matchmaking.mostExposedHint')}</p>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('matchmaking.organisation')}</th>
                    <th scope="col">{t('matchmaking.suggestedTo')}</th>
                    <th scope="col">{t('matchmaking.cap')}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.mostExposed.map((row) => (
                    <tr key={row.organisationId}>
                      <td>{row.name}</td>
                      <td>{number.format(row.suggestedTo)}</td>
                      <td>{row.cap === null ? '–' : number.format(row.cap)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
      <form className="card form" onSubmit={send} aria-labelledby="suggest-title">
        <h2 id="suggest-title">{t('matchmaking.suggestTitle')}</h2>
        <p className="hint">{t('matchmaking.suggestIntro')}</p>
        <div className="field-row">
          <TextField label={t('matchmaking.k')} type="number" min={1} max={50} className="short" value={form.k} onChange={set('k')} />
          <TextField label={t('matchmaking.minScore')} type="number" min={0} max={1} step={0.01} className="short" value={form.minScore} onChange={set('minScore')} />
          <TextField label={t('matchmaking.limit')} type="number" min={1} max={20000} className="short" value={form.limit} onChange={set('limit')} />
        </div>
        <Problem error={error} />
        <Notice>{notice}</Notice>
        <div className="buttons">
          <button type="submit" className="button-primary" disabled={busy}>
            {t('matchmaking.send')}
          </button>
        </div>
      </form>
    </Page>
  );
}
