import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { Job, Published, ScheduleOverview, ScheduleVersion } from '../api/types';
import { DEFAULT_TIME_LIMIT_SECONDS } from '../../domain/scheduling/instance';
import type { ScheduleStats } from '../../services/schedules/schedule-job';
import { useApi } from '../api/use-api';
import { Loading, Notice, Problem } from '../components/feedback';
import { TextField } from '../components/fields';
import { Page } from '../components/page';
import { currentLocale } from '../i18n/i18n';
import { useEvent } from '../shell/event-context';
import { dateTime } from '../time';
import { JobProgress } from './job-progress';


function VersionRow({ version, onPublished }: { version: ScheduleVersion; onPublished(result: Published): void }) {
  const { t } = useTranslation();
  const { event } = useEvent();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const stats = version.stats as Partial<ScheduleStats>;
  const number = new Intl.NumberFormat(currentLocale());

  const publish = async () => {
    if (!window.confirm(t('schedule.confirmPublish', { version: version.version }))) return;
    setBusy(true);
    setError(null);
    try {
      onPublished(await api.post<Published>(`/api/events/${event.id}/schedule/${version.id}/publish`));
    } catch (reason) {
      setError(reason as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr>
      <th scope="row">{number.format(version.version)}</th>
      <td>
        <span className={`state state-${version.status}`}>{t(`schedule.status.${version.status}`)}</span>
      </td>
      <td>{stats.total !== undefined ? t('schedule.placedCount', { placed: number.format(stats.scheduled ?? 0), accepted: number.format(stats.total) }) : '–'}</td>
      <td>
        {stats.breaks !== undefined ? number.format(stats.breaks) : '–'}
        {stats.baseline ? <span className="hint"> {t('schedule.baseline', { breaks: number.format(stats.baseline.breaks), scheduled: number.format(stats.baseline.scheduled) })}</span> : null}
      </td>
      <td>{stats.moved !== undefined && stats.moved !== null ? number.format(stats.moved) : '–'}</td>
      <td>{dateTime(version.createdAt)}</td>
      <td>
        {version.status === 'draft' ? (
          <button type="button" className="button-primary" disabled={busy} onClick={publish}>
            {t('schedule.publish')}
            <span className="visually-hidden"> {t('schedule.versionN', { version: version.version })}</span>
          </button>
        ) : null}
        <Problem error={error} />
      </td>
    </tr>
  );
}

/** Build a schedule from the accepted meetings (a background job), compare versions, publish one. */
export function SchedulePage() {
  const { t } = useTranslation();
  const { event } = useEvent();
  const schedule = useApi<{ overview: ScheduleOverview; versions: ScheduleVersion[] }>(`/api/events/${event.id}/schedule`);
  const jobKey = `corridor.job.${event.id}`;
  // A running build survives a reload of the page: its id is kept for this tab.
  const [jobId, setJobId] = useState<string | null>(() => sessionStorage.getItem(jobKey));
  const [seconds, setSeconds] = useState(String(DEFAULT_TIME_LIMIT_SECONDS));
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const number = new Intl.NumberFormat(currentLocale());

  const follow = (id: string | null) => {
    if (id) sessionStorage.setItem(jobKey, id);
    else sessionStorage.removeItem(jobKey);
    setJobId(id);
  };

  const start = async (kind: 'build' | 'replan', e?: FormEvent) => {
    e?.preventDefault();
    setError(null);
    setNotice(null);
    try {
      const limit = Number(seconds);
      const body = Number.isFinite(limit) && limit > 0 ? { timeLimitSeconds: limit } : {};
      follow((await api.post<{ jobId: string }>(`/api/events/${event.id}/schedule/${kind}`, body)).jobId);
    } catch (reason) {
      setError(reason as ApiError);
    }
  };

  const ended = (job: Job) => {
    follow(null);
    if (job.status === 'succeeded') setNotice(t('schedule.draftReady'));
    else setError(new ApiError(0, job.status === 'cancelled' ? 'JOB_CANCELLED' : 'JOB_FAILED', job.error ?? ''));
    schedule.reload();
  };

  const published = schedule.data?.versions.find((v) => v.status === 'published');
  const overview = schedule.data?.overview;

  return (
    <Page title={t('schedule.title')}>
      {overview ? (
        <ul className="tiles">
          <li className="tile">
            <span className="tile-figure">{number.format(overview.accepted)}</span>
            <span className="tile-label">{t('schedule.accepted')}</span>
          </li>
          <li className="tile">
            <span className="tile-figure">{number.format(overview.placed)}</span>
            <span className="tile-label">{t('schedule.placed')}</span>
          </li>
          <li className="tile">
            <span className="tile-figure">{number.format(overview.slots)}</span>
            <span className="tile-label">{t('schedule.slots')}</span>
          </li>
          <li className="tile">
            <span className="tile-figure">{number.format(overview.tables)}</span>
            <span className="tile-label">{t('schedule.tables')}</span>
          </li>
        </ul>
      ) : null}

      <form className="card form" onSubmit={(e) => start('build', e)}>
        <h2>{t('schedule.buildTitle')}</h2>
        <p className="hint">{t('schedule.buildIntro')}</p>
        <TextField label={t('schedule.timeLimit')} className="short" type="number" min={1} max={600} inputMode="numeric" value={seconds} onChange={(e) => setSeconds(e.target.value)} hint={t('schedule.timeLimitHint')} />
        {jobId ? (
          <JobProgress jobId={jobId} label={t('schedule.building')} onEnd={ended} />
        ) : (
          <div className="buttons">
            <button type="submit" className="button-primary">
              {t('schedule.build')}
            </button>
            {published ? (
              <button type="button" onClick={() => start('replan')}>
                {t('schedule.replan')}
              </button>
            ) : null}
          </div>
        )}
        <Problem error={error} />
        <Notice>{notice}</Notice>
      </form>

      <section className="card" aria-labelledby="versions">
        <h2 id="versions">{t('schedule.versions')}</h2>
        <Problem error={schedule.error} />
        {!schedule.data ? (
          <Loading />
        ) : schedule.data.versions.length === 0 ? (
          <p>{t('schedule.noVersions')}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('schedule.version')}</th>
                  <th scope="col">{t('schedule.state')}</th>
                  <th scope="col">{t('schedule.placed')}</th>
                  <th scope="col">{t('schedule.idleGaps')}</th>
                  <th scope="col">{t('schedule.moved')}</th>
                  <th scope="col">{t('schedule.created')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('schedule.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {schedule.data.versions.map((version) => (
                  <VersionRow
                    key={version.id}
                    version={version}
                    onPublished={(result) => {
                      setNotice(t('schedule.published', { version: result.version, count: result.changed }));
                      schedule.reload();
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Page>
  );
}
