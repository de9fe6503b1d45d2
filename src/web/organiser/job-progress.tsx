import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { Job } from '../api/types';
import { currentLocale } from '../i18n/i18n';
import { Problem } from '../components/feedback';

const POLL_MS = 1000;

/** Follows a background job until it ends, showing its progress; reports the end once. */
export function JobProgress({ jobId, label, onEnd }: { jobId: string; label: string; onEnd(job: Job): void }) {
  const { t } = useTranslation();
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const latest = await api.get<Job>(`/api/jobs/${jobId}`);
        if (stopped) return;
        setJob(latest);
        if (latest.status === 'succeeded' || latest.status === 'failed' || latest.status === 'cancelled') return onEnd(latest);
      } catch (reason) {
        if (stopped) return;
        setError(reason as ApiError);
      }
      timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // onEnd is the caller's; following one job must not restart when it re-renders.
  }, [jobId]);

  const percent = new Intl.NumberFormat(currentLocale(), { style: 'percent' }).format(job?.progress ?? 0);
  return (
    <div className="job-progress" aria-live="polite">
      <label>
        {label}
        <progress max={1} value={job?.progress ?? 0} aria-valuetext={percent} />
      </label>
      <p className="hint">
        {percent}
        {job?.message ? ` · ${job.message}` : ''}
      </p>
      {job?.status === 'running' || job?.status === 'queued' ? (
        <button type="button" onClick={() => api.post(`/api/jobs/${jobId}/cancel`).catch((reason: ApiError) => setError(reason))}>
          {t('schedule.cancelJob')}
        </button>
      ) : null}
      <Problem error={error} />
    </div>
  );
}
