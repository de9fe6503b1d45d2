import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Demand } from '../api/types';
import { useApi } from '../api/use-api';
import { BarChart, LineChart, StackedBarChart } from '../components/charts';
import { Loading, Problem } from '../components/feedback';
import { Page } from '../components/page';
import { currentLocale } from '../i18n/i18n';
import { countryName } from '../names';
import { Link } from '../router';
import { useEvent } from '../shell/event-context';
import '../styles/reports.css';

type SideRow = { requestsSent: number; acceptedSent: number; requestsReceived: number; acceptedReceived: number };

const DAY_MS = 86_400_000;

const NO_SECTOR = '—';

/** Sectors drawn one by one; the rest share one bar, so the labels stay readable. */
const SECTORS_SHOWN = 10;

/**
 * Requests on one side (sent or received), split into accepted and the rest so that a bar's height
 * is all the requests; beyond `limit` categories the smallest are added up under `otherLabel`.
 */
function SideChart({ title, labels, rows, side, limit, otherLabel }: { title: string; labels: string[]; rows: SideRow[]; side: 'Sent' | 'Received'; limit?: number; otherLabel?: string }) {
  const { t } = useTranslation();
  const ranked = rows
    .map((row, i) => ({ label: labels[i]!, requests: row[`requests${side}`], accepted: row[`accepted${side}`] }))
    .filter((row) => row.requests > 0)
    .sort((x, y) => y.requests - x.requests);
  let shown = ranked;
  if (limit && otherLabel && ranked.length > limit + 1) {
    const rest = ranked.slice(limit);
    shown = [...ranked.slice(0, limit), { label: otherLabel, requests: rest.reduce((n, row) => n + row.requests, 0), accepted: rest.reduce((n, row) => n + row.accepted, 0) }];
  }
  return (
    <StackedBarChart
      title={title}
      categories={shown.map((row) => row.label)}
      series={[
        { name: t('demand.accepted'), values: shown.map((row) => row.accepted) },
        { name: t('demand.notAccepted'), values: shown.map((row) => row.requests - row.accepted) },
      ]}
    />
  );
}

/** Days as numbers for the line chart: 0 is the first day with a request. */
function dayNumber(day: string, first: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / DAY_MS);
}

/** Who asks whom: the organisers' view of meeting requests, to see demand and help the overlooked. */
export function DemandPage() {
  const { t } = useTranslation();
  const { event, base } = useEvent();
  const demand = useApi<Demand>(`/api/events/${event.id}/demand`);
  const number = new Intl.NumberFormat(currentLocale());

  if (demand.error) return <Problem error={demand.error} />;
  if (!demand.data) return <Loading />;
  const { totals, bySector, byCountry, mostRequested, withoutRequests, perDay } = demand.data;
  // Bars are labelled by ISIC code, which fits under a bar even on a phone; the key below names them.
  const sectorLabels = bySector.map((row) => row.code || NO_SECTOR);
  const countryLabels = byCountry.map((row) => countryName(row.country));
  const firstDay = perDay[0]?.day;
  const tiles: [string, number][] = [
    [t('demand.requests'), totals.requests],
    [t('demand.accepted'), totals.accepted],
    [t('demand.pending'), totals.pending],
    [t('demand.declined'), totals.declined],
    [t('demand.cancelled'), totals.cancelled],
    [t('demand.suggested'), totals.suggested],
    [t('demand.withoutRequestsTile'), withoutRequests.count],
  ];

  return (
    <Page title={t('demand.title')}>
      <p className="hint">{t('demand.intro')}</p>
      <ul className="tiles demand-totals">
        {tiles.map(([label, figure]) => (
          <li className="tile" key={label}>
            <span className="tile-figure">{number.format(figure)}</span>
            <span className="tile-label">{label}</span>
          </li>
        ))}
      </ul>
      {totals.requests === 0 ? (
        <p>{t('demand.empty')}</p>
      ) : (
        <>
          <div className="chart-pair">
            <SideChart title={t('demand.byCountrySent')} labels={countryLabels} rows={byCountry} side="Sent" />
            <SideChart title={t('demand.byCountryReceived')} labels={countryLabels} rows={byCountry} side="Received" />
          </div>
          <SideChart title={t('demand.bySectorSent')} labels={sectorLabels} rows={bySector} side="Sent" limit={SECTORS_SHOWN} otherLabel={t('demand.otherSectors')} />
          <SideChart title={t('demand.bySectorReceived')} labels={sectorLabels} rows={bySector} side="Received" limit={SECTORS_SHOWN} otherLabel={t('demand.otherSectors')} />
          <details className="card sector-key">
            <summary>{t('demand.sectorKey')}</summary>
            <dl className="facts">
              {bySector.map((row) => (
                <Fragment key={row.code}>
                  <dt dir="ltr">{row.code || NO_SECTOR}</dt>
                  <dd lang={row.name ? 'en' : undefined}>{row.name ?? t('demand.noSector')}</dd>
                </Fragment>
              ))}
            </dl>
          </details>
          <BarChart
            title={t('demand.mostRequested')}
            horizontal
            data={mostRequested.map((row) => ({
              label: t('demand.organisationLabel', { name: row.name, accepted: number.format(row.accepted) }),
              value: row.requests,
              href: `${base}/organisations/${row.organisationId}`,
            }))}
          />
          {firstDay ? (
            <LineChart
              title={t('demand.perDay')}
              xLabel={t('demand.daysSince', { date: new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${firstDay}T00:00:00Z`)) })}
              series={[
                { name: t('demand.requestsSent'), points: perDay.map((row) => ({ x: dayNumber(row.day, firstDay), y: row.requests })) },
                { name: t('demand.requestsAccepted'), points: perDay.map((row) => ({ x: dayNumber(row.day, firstDay), y: row.accepted })), dashed: true },
              ]}
            />
          ) : null}
        </>
      )}
      <section className="card" aria-labelledby="without-requests">
        <h2 id="without-requests">{t('demand.withoutRequests', { count: withoutRequests.count })}</h2>
        {withoutRequests.count === 0 ? (
          <p>{t('demand.everyoneAsked')}</p>
        ) : (
          <>
            <p className="hint">
              {t('demand.withoutRequestsHint')} <Link to={`${base}/organiser/matchmaking`}>{t('demand.toMatchmaking')}</Link>
            </p>
            {withoutRequests.organisations.length < withoutRequests.count ? (
              <p className="hint">{t('demand.firstShown', { shown: number.format(withoutRequests.organisations.length) })}</p>
            ) : null}
            <ul className="columns without-requests">
              {withoutRequests.organisations.map((organisation) => (
                <li key={organisation.id}>
                  <Link to={`${base}/organisations/${organisation.id}`}>
                    <span dir="auto">{organisation.name}</span>
                  </Link>{' '}
                  <span className="meta">
                    · {countryName(organisation.country)}
                    {organisation.sector ? (
                      <>
                        {' · '}
                        <span dir="ltr">{organisation.sector}</span>
                      </>
                    ) : null}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </Page>
  );
}
