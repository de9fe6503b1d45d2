import { useTranslation } from 'react-i18next';
import type { EventDetails } from '../api/types';
import { useApi } from '../api/use-api';
import { Loading, Problem } from '../components/feedback';
import { Link } from '../router';
import { formatCount, formatGwh, ModelLink } from './figures';
import type { EventSegmentsAnswer } from './types';

const SEGMENTS = ['two_wheeler', 'three_wheeler', 'car', 'bus', 'truck'] as const;

/**
 * The link to the matchmaking: how many of the event's organisations make or serve each segment,
 * beside the battery demand the chosen scenario implies for it in 2030.
 */
export function EventCoverage({ eventId, scenarioId }: { eventId: string; scenarioId: string }) {
  const { t } = useTranslation();
  const event = useApi<EventDetails>(`/api/events/${encodeURIComponent(eventId)}`);
  const segments = useApi<EventSegmentsAnswer>(`/api/events/${encodeURIComponent(eventId)}/policy/segments?scenario=${encodeURIComponent(scenarioId)}`);
  const data = segments.data;
  const name = event.data?.name ?? '';

  return (
    <section className="tracker-section callout" aria-labelledby="tracker-event" data-testid="event-coverage">
      <h2 id="tracker-event">{t('tracker.event.title', { event: name })}</h2>
      <Problem error={segments.error ?? event.error} />
      {segments.loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <p>{t('tracker.event.intro', { count: data.coverage.organisations })}</p>
          <div className="table-scroll">
            <table className="tracker-coverage">
              <thead>
                <tr>
                  <th scope="col">{t('tracker.event.segment')}</th>
                  <th scope="col">{t('tracker.event.assemblers')}</th>
                  <th scope="col">{t('tracker.event.packIntegrators')}</th>
                  <th scope="col">{t('tracker.event.chargingOperators')}</th>
                  <th scope="col">{t('tracker.event.all')}</th>
                  <th scope="col">{t('tracker.event.demand2030')}</th>
                </tr>
              </thead>
              <tbody>
                {SEGMENTS.map((segment) => {
                  const row = data.coverage.bySegment[segment];
                  return (
                    <tr key={segment} data-segment={segment}>
                      <th scope="row">{t(`tracker.segments.${segment}`)}</th>
                      <td>{formatCount(row.ev_assembly)}</td>
                      <td>{formatCount(row.packs)}</td>
                      <td>{formatCount(row.charging)}</td>
                      <td>{formatCount(row.total)}</td>
                      <td>
                        {data.demand2030 ? `${formatGwh(data.demand2030.gwhBySegment[segment])} GWh` : '–'} <ModelLink />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p>
            {t('tracker.event.totals', {
              assemblers: formatCount(data.coverage.byRole.ev_assembly),
              packs: formatCount(data.coverage.byRole.packs),
              charging: formatCount(data.coverage.byRole.charging),
              capacity: formatGwh(data.packAssemblyCapacityGwh),
              chargers: formatCount(data.chargers2030?.publicChargingPoints ?? 0),
            })}{' '}
            <ModelLink />
          </p>
          <p>
            <Link to={`/events/${encodeURIComponent(eventId)}/directory`}>{t('tracker.event.directory')}</Link>
          </p>
        </>
      ) : null}
    </section>
  );
}
