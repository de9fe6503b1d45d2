import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { ApiError } from '../api/client';
import type { OutcomesReport } from '../api/types';
import { useApi } from '../api/use-api';
import { BarChart } from '../components/charts';
import { Loading, Notice, Problem } from '../components/feedback';
import { Page } from '../components/page';
import { currentLocale } from '../i18n/i18n';
import { countryName } from '../names';
import { useEvent } from '../shell/event-context';
import { dateTime } from '../time';
import '../styles/reports.css';

type Pair = OutcomesReport['countryPairs'][number];

function PairTable<P extends Pair>({ caption, pairs, label }: { caption: string; pairs: P[]; label: (pair: P) => string }) {
  const { t } = useTranslation();
  const number = new Intl.NumberFormat(currentLocale());
  const money = new Intl.NumberFormat(currentLocale(), { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
  return (
    <div className="table-scroll">
      <table className="outcome-pairs">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('outcomes.report.pair')}</th>
            <th scope="col">{t('outcomes.report.meetings')}</th>
            <th scope="col">{t('outcomes.report.reported')}</th>
            <th scope="col">{t('outcomes.report.held')}</th>
            <th scope="col">{t('outcomes.report.deals')}</th>
            <th scope="col">{t('outcomes.report.valueColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((pair) => (
            <tr key={`${pair.first}|${pair.second}`}>
              <th scope="row">{label(pair)}</th>
              <td>{number.format(pair.meetings)}</td>
              <td>{number.format(pair.reported)}</td>
              <td>{number.format(pair.held)}</td>
              <td>{number.format(pair.deals)}</td>
              <td dir="ltr">{money.format(pair.valueUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Asks, after a confirmation, every delegate whose meetings have started to fill in the survey. */
function InviteDelegates({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const [sending, setSending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const invite = async () => {
    if (!window.confirm(t('outcomes.report.inviteConfirm'))) return;
    setSending(true);
    setError(null);
    setNotice(null);
    try {
      const { invited } = await api.post<{ invited: number }>(`/api/events/${eventId}/outcomes/invite`);
      setNotice(t('outcomes.report.invited', { count: invited }));
    } catch (reason) {
      setError(reason as ApiError);
    } finally {
      setSending(false);
    }
  };
  return (
    <div className="card">
      <p className="hint">{t('outcomes.report.inviteHint')}</p>
      <div className="buttons">
        <button type="button" onClick={() => void invite()} disabled={sending}>
          {t('outcomes.report.invite')}
        </button>
      </div>
      <Problem error={error} />
      <Notice>{notice}</Notice>
    </div>
  );
}

/** Sector pairs listed; the download holds every meeting. */
const SECTOR_PAIRS_SHOWN = 20;

/** What the meetings led to, from the delegates' survey: the organisers' measure of the event. */
export function OutcomesReportPage() {
  const { t } = useTranslation();
  const { event } = useEvent();
  const report = useApi<OutcomesReport>(`/api/events/${event.id}/outcomes/report`);
  const number = new Intl.NumberFormat(currentLocale());
  const percent = new Intl.NumberFormat(currentLocale(), { style: 'percent', maximumFractionDigits: 0 });
  const money = new Intl.NumberFormat(currentLocale(), { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

  const downloads = (
    <>
      <a className="button" href={`/api/events/${event.id}/outcomes/report.csv`} download="outcomes.csv">
        {t('outcomes.report.downloadCsv')}
      </a>
      <a className="button" href={`/api/events/${event.id}/outcomes/report.xlsx`} download="outcomes.xlsx">
        {t('outcomes.report.downloadXlsx')}
      </a>
    </>
  );

  if (report.error) return <Problem error={report.error} />;
  if (!report.data) return <Loading />;
  const data = report.data;
  const sector = (code: string, name: string | null) => (code ? `${code} ${name ?? ''}`.trim() : t('outcomes.report.noSector'));
  const tiles: [string, string][] = [
    [t('outcomes.report.meetingsDue'), number.format(data.meetings)],
    [t('outcomes.report.responseRate'), percent.format(data.responseRate)],
    [t('outcomes.report.heldTile'), number.format(data.attendance.held)],
    [t('outcomes.report.disagreedTile'), number.format(data.attendance.disagreed)],
    [t('outcomes.report.dealsTile'), number.format(data.meetingsWithDeal)],
    [t('outcomes.report.totalValue'), money.format(data.value.totalUsd)],
    [t('outcomes.report.medianValue'), data.value.medianUsd === null ? '–' : money.format(data.value.medianUsd)],
  ];

  return (
    <Page title={t('outcomes.report.title')} actions={downloads}>
      <p className="hint">{t('outcomes.report.intro')}</p>
      <ul className="tiles outcome-totals">
        {tiles.map(([label, figure]) => (
          <li className="tile" key={label}>
            <span className="tile-figure" dir="ltr">
              {figure}
            </span>
            <span className="tile-label">{label}</span>
          </li>
        ))}
      </ul>
      <InviteDelegates eventId={event.id} />
      <p>{t('outcomes.report.accountsIn', { accounts: number.format(data.accountsReported), owed: number.format(data.meetings * 2), both: number.format(data.bothReported) })}</p>
      {data.meetings === 0 ? (
        <p>{t('outcomes.report.nothingYet')}</p>
      ) : (
        <>
          <div className="chart-pair">
            <BarChart
              title={t('outcomes.report.byMeeting')}
              data={[
                { label: t('outcomes.attendanceChoice.held'), value: data.attendance.held },
                { label: t('outcomes.attendanceChoice.no_show'), value: data.attendance.noShow },
                { label: t('outcomes.attendanceChoice.cancelled'), value: data.attendance.cancelled },
                { label: t('outcomes.report.disagreed'), value: data.attendance.disagreed },
                { label: t('outcomes.report.unreported'), value: data.attendance.unreported },
              ]}
            />
            <BarChart
              title={t('outcomes.report.byAccount')}
              data={[
                { label: t('outcomes.attendanceChoice.held'), value: data.accounts.held },
                { label: t('outcomes.attendanceChoice.no_show'), value: data.accounts.noShow },
                { label: t('outcomes.attendanceChoice.cancelled'), value: data.accounts.cancelled },
              ]}
            />
          </div>
          {data.dealTypes.length > 0 ? (
            <>
              <BarChart
                title={t('outcomes.report.dealTypes')}
                horizontal
                data={data.dealTypes.map((row) => ({ label: t(`outcomes.deal.${row.dealType}`), value: row.meetings }))}
              />
              <p className="hint">{t('outcomes.report.dealTypesHint')}</p>
            </>
          ) : (
            <p>{t('outcomes.report.noDeals')}</p>
          )}
          <section aria-labelledby="disagreements">
            <h2 id="disagreements">{t('outcomes.report.disagreements', { count: data.attendance.disagreed })}</h2>
            {data.disagreements.length === 0 ? (
              <p>{t('outcomes.report.noDisagreements')}</p>
            ) : (
              <div className="table-scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('outcomes.report.when')}</th>
                      <th scope="col">{t('outcomes.report.requester')}</th>
                      <th scope="col">{t('outcomes.report.requested')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.disagreements.map((row) => (
                      <tr key={row.meetingId}>
                        <td dir="ltr">{row.startsAt ? dateTime(row.startsAt, event.timeZone) : '–'}</td>
                        <td>
                          <span dir="auto">{row.a.name}</span>: {t(`outcomes.attendanceChoice.${row.a.attendance}`)}
                        </td>
                        <td>
                          <span dir="auto">{row.b.name}</span>: {t(`outcomes.attendanceChoice.${row.b.attendance}`)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          {data.value.totalUsd > 0 ? (
            <BarChart
              title={t('outcomes.report.valueByCountryPair')}
              horizontal
              formatValue={(n) => money.format(n)}
              data={data.countryPairs.map((pair) => ({ label: `${countryName(pair.first)} – ${countryName(pair.second)}`, value: pair.valueUsd }))}
            />
          ) : null}
          <PairTable caption={t('outcomes.report.countryPairs')} pairs={data.countryPairs} label={(pair) => `${countryName(pair.first)} – ${countryName(pair.second)}`} />
          <PairTable
            caption={t('outcomes.report.sectorPairs', { shown: number.format(Math.min(SECTOR_PAIRS_SHOWN, data.sectorPairs.length)) })}
            pairs={data.sectorPairs.slice(0, SECTOR_PAIRS_SHOWN)}
            label={(pair) => `${sector(pair.first, pair.firstName)} – ${sector(pair.second, pair.secondName)}`}
          />
        </>
      )}
    </Page>
  );
}
