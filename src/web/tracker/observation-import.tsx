import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { useApi } from '../api/use-api';
import { Notice } from '../components/feedback';
import { currentLocale } from '../i18n/i18n';
import type { ObservationImportSummaryAnswer, StoredObservationAnswer } from './types';
import { RowProblems } from '../components/row-problems';

/**
 * For holders of the organiser role: add market observations from a CSV file, checked first with
 * nothing stored, then imported; the projections are recomputed from them.
 */
export function ObservationImport({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const fileId = useId();
  const stored = useApi<StoredObservationAnswer[]>('/api/policy/observations');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ObservationImportSummaryAnswer | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const n = new Intl.NumberFormat(currentLocale());

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await action();
    } catch (reason) {
      setPreview(null);
      setError(reason instanceof ApiError ? reason : new ApiError(0, 'UNKNOWN', String(reason)));
    } finally {
      setBusy(false);
    }
  };

  const upload = (dryRun: boolean) =>
    run(async () => {
      if (!file) return;
      const body = new FormData();
      body.append('file', file);
      const summary = await api.post<ObservationImportSummaryAnswer>(`/api/policy/observations?dryRun=${dryRun}`, body);
      if (dryRun) setPreview(summary);
      else {
        setPreview(null);
        setDone(t('tracker.import.done', { created: n.format(summary.created), updated: n.format(summary.updated) }));
        stored.reload();
        onChanged();
      }
    });

  const remove = (observation: StoredObservationAnswer) =>
    run(async () => {
      await api.delete(`/api/policy/observations/${observation.storedId}`);
      setDone(t('tracker.import.removed'));
      stored.reload();
      onChanged();
    });

  const check = (e: FormEvent) => {
    e.preventDefault();
    void upload(true);
  };

  return (
    <details className="card tracker-import">
      <summary>{t('tracker.import.title', { count: stored.data?.length ?? 0 })}</summary>
      <form className="form" onSubmit={check}>
        <p className="hint">{t('tracker.import.intro')}</p>
        <div className="field">
          <label htmlFor={fileId}>{t('tracker.import.file')}</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
              setError(null);
              setDone(null);
            }}
          />
        </div>
        <div className="buttons">
          <button type="submit" className="button-primary" disabled={!file || busy}>
            {t('tracker.import.check')}
          </button>
        </div>
        {error ? <RowProblems error={error} summary={t('tracker.import.refused', { count: error.rows?.length ?? 0 })} /> : null}
        {preview ? (
          <div className="callout" role="status">
            <p>{t('tracker.import.preview', { created: n.format(preview.created), updated: n.format(preview.updated) })}</p>
            <button type="button" className="button-primary" disabled={busy} onClick={() => upload(false)}>
              {t('tracker.import.commit')}
            </button>
          </div>
        ) : null}
        <Notice>{done}</Notice>
      </form>
      {stored.data && stored.data.length > 0 ? (
        <ul className="tracker-imported">
          {stored.data.map((o) => (
            <li key={o.storedId}>
              <span lang="en" dir="ltr">
                {o.scope} · {o.metric} · {o.period.label} · {o.label}: {n.format(o.value)}
              </span>{' '}
              <button type="button" className="button-quiet" disabled={busy} onClick={() => remove(o)}>
                {t('tracker.import.remove')}
                <span className="visually-hidden"> {o.label}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
