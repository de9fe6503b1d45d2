import { useTranslation } from 'react-i18next';
import { LineChart, type LineSeries } from '../components/charts';
import { ASSUMPTIONS_ANCHOR, Figure, formatCount, formatShare, sourceAnchor } from './figures';
import type { PolicyReportAnswer, ProgressAnswer, SourceAnswer } from './types';

export const NEV_POLICY = 'nev-2025-2030';
const EARLIER_POLICY = 'ev-2019-2020';

export function hrefOf(sources: readonly SourceAnswer[]): string | undefined {
  const first = sources[0];
  if (!first) return undefined;
  return first.url ?? `#${sourceAnchor(first)}`;
}

/** The growth a target asks for each year, or the yearly addition where no rate can help. */
function GrowthNeeded({ progress, format }: { progress: ProgressAnswer; format: (n: number) => string }) {
  const { t } = useTranslation();
  const path = progress.requiredPath;
  if (!path) return null;
  return path.annualGrowth !== null ? (
    <Figure id={`${progress.target.id}#growth`} label={t('tracker.figures.growthNeeded', { from: path.base.year, to: path.target.year })} value={formatShare(path.annualGrowth)} modelled />
  ) : (
    <Figure id={`${progress.target.id}#addition`} label={t('tracker.figures.additionNeeded')} value={format(path.annualAddition)} modelled />
  );
}

/** Targets vs observed vs projected for one vehicle segment, with the gap and the growth needed. */
export function SegmentSection({ report, segment }: { report: PolicyReportAnswer; segment: string }) {
  const { t } = useTranslation();
  const target = report.progress.find((p) => p.target.policyId === NEV_POLICY && p.target.scope === segment && p.target.metric === 'cumulative_units');
  const earlier = report.progress.find((p) => p.target.policyId === EARLIER_POLICY && p.target.scope === segment && p.target.metric === 'sales_share');
  const projection = report.projection.segments.find((s) => s.segment === segment);
  const observed = report.observations.filter((o) => o.kind === 'observed' && o.scope === segment && o.metric === 'cumulative_units');
  const name = t(`tracker.segments.${segment}`);
  const programme = report.programmeChecks.filter((c) => c.observation.scope === segment);

  const series: LineSeries[] = [];
  if (projection) {
    series.push({ name: t('tracker.series.projected'), points: projection.years.map((y) => ({ x: y.year, y: y.stock })), href: `#${ASSUMPTIONS_ANCHOR}` });
  }
  if (target?.requiredPath) {
    series.push({ name: t('tracker.series.required'), points: target.requiredPath.points.map((p) => ({ x: p.year, y: p.value })), dashed: true, href: hrefOf(target.target.sources) });
  }
  if (target) {
    series.push({ name: t('tracker.series.target'), points: [{ x: target.target.year, y: target.target.value }], pointsOnly: true, href: hrefOf(target.target.sources) });
  }
  if (observed.length > 0) {
    series.push({ name: t('tracker.series.observed'), points: observed.map((o) => ({ x: o.period.year, y: o.value })), pointsOnly: true, href: hrefOf(observed[observed.length - 1]!.sources) });
  }

  return (
    <section className="tracker-section tracker-segment" aria-labelledby={`segment-${segment}`} data-segment={segment}>
      <h2 id={`segment-${segment}`}>{name}</h2>
      <div className="tracker-columns">
        <LineChart
          title={t('tracker.charts.stockTitle', { segment: name })}
          series={series}
          xLabel={t('tracker.charts.year')}
          yLabel={t('tracker.charts.vehicles')}
          formatY={formatCount}
        />
        <dl className="tracker-figures">
          {target ? <Figure id={target.target.id} label={t('tracker.figures.target', { year: target.target.year })} value={formatCount(target.target.value)} sources={target.target.sources} /> : null}
          {observed.map((o) => (
            <Figure key={o.id} id={o.id} label={t('tracker.figures.observed', { period: o.period.label })} value={formatCount(o.value)} sources={o.sources} />
          ))}
          {target && target.projected !== null ? (
            <Figure id={`${target.target.id}#projected`} label={t('tracker.figures.projected', { year: target.target.year })} value={formatCount(target.projected)} modelled />
          ) : null}
          {target && target.gap !== null ? (
            <Figure
              id={`${target.target.id}#gap`}
              label={target.gap > 0 ? t('tracker.figures.shortfall') : t('tracker.figures.overshoot')}
              value={formatCount(Math.abs(target.gap))}
              modelled
            />
          ) : null}
          {target ? <GrowthNeeded progress={target} format={formatCount} /> : null}
          {target?.requiredCurve ? (
            <Figure id={`${target.target.id}#share`} label={t('tracker.figures.shareNeeded', { year: target.target.year })} value={formatShare(target.requiredCurve.shareInTargetYear)} modelled />
          ) : null}
          {earlier ? (
            <Figure id={earlier.target.id} label={t('tracker.figures.earlierShare', { year: earlier.target.year })} value={formatShare(earlier.target.value)} sources={earlier.target.sources} />
          ) : null}
          {programme.map((check) => (
            <Figure
              key={check.observation.id}
              id={check.observation.id}
              label={t('tracker.figures.programme', { period: check.observation.period.label })}
              value={formatCount(check.observation.value)}
              sources={check.observation.sources}
            />
          ))}
        </dl>
      </div>
    </section>
  );
}
