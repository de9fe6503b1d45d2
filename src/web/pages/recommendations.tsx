import { useTranslation } from 'react-i18next';
import { query } from '../api/client';
import { useVocabulary } from '../api/reference';
import type { MeetingRequest, Recommendation } from '../api/types';
import { useApi } from '../api/use-api';
import { Loading, Problem } from '../components/feedback';
import { Page } from '../components/page';
import { RequestMeeting } from '../components/request-meeting';
import { currentLanguage, currentLocale } from '../i18n/i18n';
import { countryName, personName } from '../names';
import { Link } from '../router';
import { useEvent } from '../shell/event-context';

const HOW_MANY = 10;

function RecommendationCard({ recommendation, requests, onSent }: { recommendation: Recommendation; requests: MeetingRequest[]; onSent(): void }) {
  const { t } = useTranslation();
  const { base } = useEvent();
  const vocabulary = useVocabulary();
  const { organisation, reasons, delegates } = recommendation;
  const head = delegates[0];
  const latestWith = (id: string) => requests.find((r) => r.from.id === id || r.to.id === id);
  const strength = new Intl.NumberFormat(currentLocale(), { style: 'percent' }).format(recommendation.score);
  return (
    <li className="card recommendation">
      <div className="request-head">
        <h2>
          <Link to={`${base}/organisations/${organisation.id}`}>{organisation.name}</Link>
        </h2>
        <span className="tag">{t('recommendations.score', { score: strength })}</span>
      </div>
      <p className="meta">{[countryName(organisation.country), organisation.city].filter(Boolean).join(' · ')}</p>
      {organisation.stages.length ? (
        <ul className="chips" aria-label={t('profile.stages')}>
          {organisation.stages.map((stage) => (
            <li key={stage}>{vocabulary.stage(stage)}</li>
          ))}
        </ul>
      ) : null}
      <h3 className="why">{t('recommendations.why')}</h3>
      <ul className="reasons">
        {reasons.map((reason, i) => (
          <li key={i}>{reason.text}</li>
        ))}
      </ul>
      {head ? (
        <div className="person">
          <div>
            <strong>{personName(head)}</strong>
            {head.jobTitle ? <span className="meta"> · {head.jobTitle}</span> : null}
            {delegates.length > 1 ? (
              <div className="hint">
                <Link to={`${base}/organisations/${organisation.id}`}>{t('recommendations.others', { count: delegates.length - 1 })}</Link>
              </div>
            ) : null}
          </div>
          <RequestMeeting delegate={{ id: head.id, name: personName(head) }} existing={latestWith(head.id)} onSent={onSent} draft={t('recommendations.draft', { name: personName(head) })} />
        </div>
      ) : null}
    </li>
  );
}

/** Partners suggested for the delegate's organisation, each with the reasons, and a request one click away. */
export function RecommendationsPage() {
  const { t } = useTranslation();
  const { event, base } = useEvent();
  const language = currentLanguage();
  const recommendations = useApi<Recommendation[]>(`/api/events/${event.id}/recommendations${query({ k: HOW_MANY, lang: language })}`);
  const requests = useApi<MeetingRequest[]>(`/api/events/${event.id}/meeting-requests?limit=1000`);

  return (
    <Page title={t('recommendations.title')}>
      <p className="hint">{t('recommendations.intro')}</p>
      <Problem error={recommendations.error} />
      {!recommendations.data ? (
        recommendations.error ? null : <Loading />
      ) : recommendations.data.length === 0 ? (
        <p>
          {t('recommendations.none')} <Link to={`${base}/profile`}>{t('home.completeAction')}</Link>
        </p>
      ) : (
        <ol className="cards">
          {recommendations.data.map((recommendation) => (
            <RecommendationCard key={recommendation.organisation.id} recommendation={recommendation} requests={requests.data ?? []} onSent={requests.reload} />
          ))}
        </ol>
      )}
    </Page>
  );
}
