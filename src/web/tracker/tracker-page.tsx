import { useTranslation } from 'react-i18next';
import { useApi } from '../api/use-api';
import { Loading, Problem } from '../components/feedback';
import { Page } from '../components/page';
import { navigate, useLocation } from '../router';
import { useSession } from '../session';
import { EventCoverage } from './event-coverage';
import { ObservationImport } from './observation-import';
import { ASSUMPTIONS_ANCHOR, sourceAnchor, SourceLinks } from './figures';
import { BatteryAndChargingSection, NationalSection } from './national-section';
import { SegmentSection } from './segment-section';
import type { PolicyReportAnswer, ScenarioAnswer } from './types';
import './tracker.css';

const SEGMENTS = ['two_wheeler', 'three_wheeler', 'car', 'bus', 'truck'] as const;
const DEFAULT_SCENARIO = 'policy';

/**
 * The public NEV policy tracker: where Pakistan stands against the NEV Policy 2025–2030, what each
 * scenario projects, and the batteries and chargers that implies. Opened with ?event=<id> by
 * someone with access, it also shows which segments that event's organisations serve.
 */
export function TrackerPage() {
  const { t } = useTranslation();
  const { search, pathname } = useLocation();
  const session = useSession();
  const scenarioId = search.get('scenario') ?? DEFAULT_SCENARIO;
  const eventId = search.get('event');
  const scenarios = useApi<ScenarioAnswer[]>('/api/policy/scenarios');
  const report = useApi<PolicyReportAnswer>(`/api/policy/report?scenario=${encodeURIComponent(scenarioId)}`);

  const choose = (id: string) => {
    const next = new URLSearchParams(search);
    if (id === DEFAULT_SCENARIO) next.delete('scenario');
    else next.set('scenario', id);
    const query = next.toString();
    navigate(`${pathname}${query ? `?${query}` : ''}`, { replace: true });
  };
  const data = report.data;
  const scenario = scenarios.data?.find((s) => s.id === scenarioId);

  return (
    <Page title={t('tracker.title')} className="tracker">
      <p className="tracker-intro">{t('tracker.intro')}</p>
      <div className="tracker-scenario card">
        <label htmlFor="tracker-scenario">{t('tracker.scenario.label')}</label>
        <select id="tracker-scenario" value={scenarioId} onChange={(e) => choose(e.target.value)} disabled={!scenarios.data}>
          {(scenarios.data ?? [{ id: scenarioId, label: '' } as ScenarioAnswer]).map((s) => (
            <option key={s.id} value={s.id}>
              {t(`tracker.scenarios.${s.id}.label`, { defaultValue: s.label })}
            </option>
          ))}
        </select>
        {scenario ? <p className="tracker-scenario-text">{t(`tracker.scenarios.${scenario.id}.text`, { defaultValue: scenario.description })}</p> : null}
        <Problem error={scenarios.error} />
      </div>
      {session.me?.role === 'organiser' ? <ObservationImport onChanged={report.reload} /> : null}
      <Problem error={report.error} />
      {report.loading && !data ? <Loading /> : null}
      {data ? (
        <div className="tracker-body" aria-busy={report.loading} data-scenario={data.scenario.id}>
          {eventId && session.status === 'signedIn' ? <EventCoverage eventId={eventId} scenarioId={data.scenario.id} /> : null}
          <NationalSection report={data} />
          {SEGMENTS.map((segment) => (
            <SegmentSection key={segment} report={data} segment={segment} />
          ))}
          <BatteryAndChargingSection report={data} />
          <Assumptions report={data} />
          <Sources report={data} />
        </div>
      ) : null}
    </Page>
  );
}

function Assumptions({ report }: { report: PolicyReportAnswer }) {
  const { t } = useTranslation();
  return (
    <section className="tracker-section" id={ASSUMPTIONS_ANCHOR} aria-labelledby="tracker-method" tabIndex={-1}>
      <h2 id="tracker-method">{t('tracker.method.title')}</h2>
      <p>{t('tracker.method.text')}</p>
      <details>
        <summary>{t('tracker.method.assumptions', { count: report.assumptions.length })}</summary>
        <ul className="tracker-assumptions" lang="en" dir="ltr">
          {report.assumptions.map((a) => (
            <li key={a.id}>
              <strong>{a.label}</strong> {a.rationale} <SourceLinks sources={a.sources} />
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function Sources({ report }: { report: PolicyReportAnswer }) {
  const { t } = useTranslation();
  return (
    <section className="tracker-section" aria-labelledby="tracker-sources">
      <h2 id="tracker-sources">{t('tracker.sources.title')}</h2>
      <p>{t('tracker.sources.text')}</p>
      <ol className="tracker-sources">
        {report.sources.map((source) => (
          <li key={`${source.ref}|${source.citation}`} id={sourceAnchor(source)} tabIndex={-1}>
            <span className="source-ref">{source.ref}</span>{' '}
            {source.url ? (
              <a href={source.url} rel="noreferrer" target="_blank" lang="en" dir="ltr">
                {source.citation}
              </a>
            ) : (
              <span lang="en" dir="ltr">
                {source.citation}
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
