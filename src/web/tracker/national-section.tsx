import { useTranslation } from 'react-i18next';
import { BarChart, LineChart, StackedBarChart, type LineSeries } from '../components/charts';
import { ASSUMPTIONS_ANCHOR, Figure, formatCount, formatGwh, formatPoints, formatShare } from './figures';
import { hrefOf, NEV_POLICY } from './segment-section';
import type { PolicyReportAnswer } from './types';

const CHEMISTRIES = ['lfp', 'nmc', 'sodium_ion'] as const;

/** The all-vehicle targets: 30% of new sales, vehicles on the road (two reported totals). */
export function NationalSection({ report }: { report: PolicyReportAnswer }) {
  const { t } = useTranslation();
  const nev = report.progress.filter((p) => p.target.policyId === NEV_POLICY);
  const share = nev.find((p) => p.target.scope === 'all_vehicles' && p.target.metric === 'sales_share');
  const total = nev.find((p) => p.target.scope === 'all_vehicles' && p.target.metric === 'cumulative_units');
  const segmentTargets = nev.filter((p) => p.target.scope !== 'all_vehicles' && p.target.metric === 'cumulative_units');
  const segmentSum = segmentTargets.reduce((sum, p) => sum + p.target.value, 0);

  const series: LineSeries[] = [
    { name: t('tracker.series.projected'), points: report.projection.totals.map((y) => ({ x: y.year, y: y.salesShare })), href: `#${ASSUMPTIONS_ANCHOR}` },
  ];
  if (share?.requiredPath) {
    series.push({ name: t('tracker.series.required'), points: share.requiredPath.points.map((p) => ({ x: p.year, y: p.value })), dashed: true, href: hrefOf(share.target.sources) });
  }
  if (share) series.push({ name: t('tracker.series.target'), points: [{ x: share.target.year, y: share.target.value }], pointsOnly: true, href: hrefOf(share.target.sources) });

  return (
    <section className="tracker-section" aria-labelledby="tracker-national" data-segment="all_vehicles">
      <h2 id="tracker-national">{t('tracker.national.title')}</h2>
      <div className="tracker-columns">
        <LineChart title={t('tracker.charts.shareTitle')} series={series} xLabel={t('tracker.charts.year')} yLabel={t('tracker.charts.share')} formatY={formatShare} />
        <dl className="tracker-figures">
          {share ? <Figure id={share.target.id} label={t('tracker.figures.shareTarget', { year: share.target.year })} value={formatShare(share.target.value)} sources={share.target.sources} /> : null}
          {share && share.projected !== null ? (
            <Figure id={`${share.target.id}#projected`} label={t('tracker.figures.projectedShare', { year: share.target.year })} value={formatShare(share.projected)} modelled />
          ) : null}
          {share && share.gap !== null ? (
            <Figure id={`${share.target.id}#gap`} label={share.gap > 0 ? t('tracker.figures.shortfall') : t('tracker.figures.overshoot')} value={t('tracker.points', { value: formatPoints(Math.abs(share.gap)) })} modelled />
          ) : null}
        </dl>
      </div>
      <h3>{t('tracker.national.disagreeTitle')}</h3>
      <p>{t('tracker.national.disagreeText')}</p>
      <dl className="tracker-figures tracker-disagreement">
        {total ? <Figure id={total.target.id} label={t('tracker.figures.totalReported', { year: total.target.year })} value={formatCount(total.target.value)} sources={total.target.sources} /> : null}
        {segmentTargets.length > 0 ? (
          <Figure
            id="segment-targets-sum"
            label={t('tracker.figures.totalOfSegments', { year: segmentTargets[0]!.target.year })}
            value={formatCount(segmentSum)}
            sources={segmentTargets[0]!.target.sources}
          />
        ) : null}
      </dl>
    </section>
  );
}

/** Battery demand by chemistry, the pack-assembly capacity it implies, and the chargers. */
export function BatteryAndChargingSection({ report }: { report: PolicyReportAnswer }) {
  const { t } = useTranslation();
  const years = report.batteryDemand.years;
  const in2030 = years.find((y) => y.year === 2030);
  const stations = report.progress.filter((p) => p.target.policyId === NEV_POLICY && p.target.metric === 'charging_stations');
  const chargers2030 = report.chargers.find((c) => c.year === 2030);

  return (
    <>
      <section className="tracker-section" aria-labelledby="tracker-battery">
        <h2 id="tracker-battery">{t('tracker.battery.title')}</h2>
        <p>{t('tracker.battery.intro')}</p>
        <div className="tracker-columns">
          <StackedBarChart
            title={t('tracker.charts.gwhTitle')}
            categories={years.map((y) => String(y.year))}
            series={CHEMISTRIES.map((c) => ({ name: t(`tracker.chemistries.${c}`), values: years.map((y) => y.gwhByChemistry[c]) }))}
            unit="GWh"
          />
          <dl className="tracker-figures">
            {in2030 ? <Figure id="battery-2030-total" label={t('tracker.figures.gwhIn', { year: 2030 })} value={`${formatGwh(in2030.totalGwh)} GWh`} modelled /> : null}
            {in2030
              ? CHEMISTRIES.map((c) => (
                  <Figure key={c} id={`battery-2030-${c}`} label={t('tracker.figures.gwhOf', { chemistry: t(`tracker.chemistries.${c}`), year: 2030 })} value={`${formatGwh(in2030.gwhByChemistry[c])} GWh`} modelled />
                ))
              : null}
            <Figure id="battery-peak" label={t('tracker.figures.peak', { year: report.batteryDemand.peak.year })} value={`${formatGwh(report.batteryDemand.peak.gwh)} GWh`} modelled />
            <Figure id="pack-assembly-capacity" label={t('tracker.figures.packAssembly')} value={`${formatGwh(report.batteryDemand.packAssemblyCapacityGwh)} GWh`} modelled />
            {in2030 ? (
              <Figure id="pack-value-2030" label={t('tracker.figures.packValue', { year: 2030 })} value={t('tracker.usdMillion', { value: formatCount(in2030.packValueUsdMillion) })} modelled />
            ) : null}
          </dl>
        </div>
      </section>
      <section className="tracker-section" aria-labelledby="tracker-charging">
        <h2 id="tracker-charging">{t('tracker.charging.title')}</h2>
        <div className="tracker-columns">
          <BarChart
            title={t('tracker.charts.chargersTitle')}
            data={report.chargers.map((c) => ({ label: String(c.year), value: Math.round(c.publicChargingPoints), href: `#${ASSUMPTIONS_ANCHOR}` }))}
            formatValue={formatCount}
          />
          <dl className="tracker-figures tracker-disagreement">
            {chargers2030 ? <Figure id="chargers-2030" label={t('tracker.figures.chargersIn', { year: 2030 })} value={formatCount(chargers2030.publicChargingPoints)} modelled /> : null}
            {stations.map((p) => (
              <Figure
                key={p.target.id}
                id={p.target.id}
                label={t('tracker.figures.stationsReported', { year: p.target.year, citation: p.target.sources[0]?.citation ?? '' })}
                value={formatCount(p.target.value)}
                sources={p.target.sources}
              />
            ))}
          </dl>
        </div>
        {stations.length > 1 ? <p className="tracker-note">{t('tracker.charging.disagree')}</p> : null}
      </section>
    </>
  );
}
