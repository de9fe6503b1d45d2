import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { ImportSummary } from '../api/types';
import { Notice } from '../components/feedback';
import { Page } from '../components/page';
import { currentLocale } from '../i18n/i18n';
import { useLocation } from '../router';
import { useEvent } from '../shell/event-context';
import { DelegateList } from './delegate-list';
import { DelegateOrganisation } from './delegate-organisation';
import { RowProblems } from '../components/row-problems';

const EXPORTS = ['delegates', 'requests', 'meetings'] as const;

function Summary({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const n = new Intl.NumberFormat(currentLocale());
  return (
    <ul className="plain import-summary">
      <li>{t('import.organisations', { created: n.format(summary.organisations.created), updated: n.format(summary.organisations.updated) })}</li>
      <li>{t('import.delegates', { created: n.format(summary.delegates.created), updated: n.format(summary.delegates.updated) })}</li>
      <li>{t('import.items', { count: summary.items, items: n.format(summary.items) })}</li>
    </ul>
  );
}

/**
 * The event's organisations and delegates: find one and correct it or add a person by hand (an
 * organisation opens from the list by `?organisation=`); import a spreadsheet, checked first with
 * nothing stored; export.
 */
export function DelegatesPage() {
  const { t } = useTranslation();
  const { event } = useEvent();
  const opened = useLocation().search.get('organisation');
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (dryRun: boolean) => {
    if (!file) return;
    const body = new FormData();
    body.append('file', file);
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const summary = await api.post<ImportSummary>(`/api/events/${event.id}/import?dryRun=${dryRun}`, body);
      if (dryRun) setPreview(summary);
      else {
        setPreview(null);
        setDone(t('import.done', { name: file.name }));
      }
    } catch (reason) {
      setPreview(null);
      setError(reason as ApiError);
    } finally {
      setBusy(false);
    }
  };

  const check = (e: FormEvent) => {
    e.preventDefault();
    void upload(true);
  };

  return (
    <Page title={t('import.title')}>
      {opened ? <DelegateOrganisation key={opened} organisationId={opened} /> : <DelegateList />}
      <form className="card form" onSubmit={check}>
        <h2>{t('import.uploadTitle')}</h2>
        <p className="hint">{t('import.intro')}</p>
        <div className="field">
          <label htmlFor={fileId}>{t('import.file')}</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
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
            {t('import.check')}
          </button>
        </div>
        {error ? <RowProblems error={error} summary={t('import.refused', { count: error.rows?.length ?? 0 })} /> : null}
        {preview ? (
          <div className="callout" role="status">
            <h3>{t('import.previewTitle')}</h3>
            <Summary summary={preview} />
            <button type="button" className="button-primary" disabled={busy} onClick={() => upload(false)}>
              {t('import.commit')}
            </button>
          </div>
        ) : null}
        <Notice>{done}</Notice>
      </form>

      <section className="card" aria-labelledby="exports">
        <h2 id="exports">{t('import.exportTitle')}</h2>
        <ul className="plain exports">
          {EXPORTS.map((kind) => (
            <li key={kind}>
              <span>{t(`import.export.${kind}`)}</span>{' '}
              <a href={`/api/events/${event.id}/export/${kind}?format=xlsx`} download>
                Excel (.xlsx)<span className="visually-hidden"> {t(`import.export.${kind}`)}</span>
              </a>{' '}
              <a href={`/api/events/${event.id}/export/${kind}?format=csv`} download>
                CSV<span className="visually-hidden"> {t(`import.export.${kind}`)}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
