import { useTranslation } from 'react-i18next';
import { useApi } from '../api/use-api';
import { Loading, Problem } from '../components/feedback';
import { Page } from '../components/page';
import { Link } from '../router';
import type { ProgrammeSummary } from './types';
import { deadlineParts, momentParts } from './when';

/** Upcoming published programmes, soonest first, with their deadlines and places. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const programmes = useApi<ProgrammeSummary[]>('/api/programmes');

  if (programmes.error) return <Problem error={programmes.error} />;
  if (!programmes.data) return <Loading />;

  return (
    <Page title={t('training.programmes.title')} className="narrow">
      {programmes.data.length === 0 ? <p>{t('training.programmes.empty')}</p> : null}
      <ul className="cards">
        {programmes.data.map((p) => {
          const first = p.firstSessionAt ? momentParts(p.firstSessionAt, p.timeZone) : null;
          const deadline = deadlineParts(p.registration.closesAt, p.timeZone);
          const when = deadline.endOfDay ? t('training.window.endOfDay', { day: deadline.day }) : t('training.window.dayAt', { day: deadline.day, time: deadline.time });
          return (
            <li key={p.id} className="card">
              <h2>
                <Link to={`/programmes/${p.slug}`}>{p.title}</Link>
              </h2>
              {p.organisedBy.length > 0 ? <p className="meta">{t('training.programme.organisedBy', { names: p.organisedBy.join(t('common.listSeparator')) })}</p> : null}
              {first ? (
                <p>
                  {t('training.programmes.first')} {t('training.window.dayAt', first)} <span dir="ltr">({p.timeZone})</span>
                </p>
              ) : null}
              <p>
                {p.registration.state === 'open'
                  ? t('training.window.open', { deadline: when, zone: p.timeZone })
                  : p.registration.state === 'closed'
                    ? t('training.window.closed', { deadline: when, zone: p.timeZone })
                    : t('training.programmes.notOpen')}
              </p>
              {p.placesLeft !== null ? <p className="meta">{p.placesLeft > 0 ? t('training.places.leftShort', { left: p.placesLeft }) : t('training.places.full')}</p> : null}
            </li>
          );
        })}
      </ul>
    </Page>
  );
}
