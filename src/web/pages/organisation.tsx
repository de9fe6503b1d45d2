import { useTranslation } from 'react-i18next';
import { useVocabulary } from '../api/reference';
import type { MeetingRequest, Organisation } from '../api/types';
import { useApi } from '../api/use-api';
import { CodeTitle } from '../components/code-title';
import type { CodeSystem } from '../components/code-title';
import { Loading, Problem } from '../components/feedback';
import { Page } from '../components/page';
import { RequestMeeting } from '../components/request-meeting';
import { countryName, languageName, personName } from '../names';
import { Link } from '../router';
import { useEvent } from '../shell/event-context';

function Codes({ title, system, codes }: { title: string; system: CodeSystem; codes: string[] }) {
  if (codes.length === 0) return null;
  return (
    <>
      <dt>{title}</dt>
      <dd>
        <ul className="plain">
          {codes.map((code) => (
            <li key={code}>
              <CodeTitle system={system} code={code} />
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

function Items({ title, items }: { title: string; items: Organisation['items'] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      {items.length === 0 ? <p className="hint">{t('organisation.noItems')}</p> : null}
      <ul className="plain items">
        {items.map((item) => (
          <li key={item.id}>
            <h3 dir="auto">{item.title}</h3>
            {item.text ? <p dir="auto">{item.text}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** An organisation's public profile, and a way to ask each of its delegates for a meeting. */
export function OrganisationPage({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const { event, base, delegateId, organisationId: mine } = useEvent();
  const vocabulary = useVocabulary();
  const organisation = useApi<Organisation>(`/api/organisations/${organisationId}`);
  const requests = useApi<MeetingRequest[]>(delegateId ? `/api/events/${event.id}/meeting-requests?limit=1000` : null);

  if (organisation.error) return <Problem error={organisation.error} />;
  if (!organisation.data) return <Loading />;
  const o = organisation.data;
  const ours = o.id === mine;
  const latestWith = (id: string) => requests.data?.find((r) => r.from.id === id || r.to.id === id);

  return (
    <Page title={o.name} actions={ours ? <Link className="button" to={`${base}/profile`}>{t('organisation.edit')}</Link> : undefined}>
      <p className="meta">
        {[countryName(o.country), o.city, t(`sizeBands.${o.sizeBand}`)].filter(Boolean).join(' · ')}
        {o.website ? (
          <>
            {' · '}
            <a href={o.website} rel="noopener noreferrer" target="_blank" dir="ltr">
              {o.website.replace(/^https?:\/\//, '')}
            </a>
          </>
        ) : null}
      </p>
      {o.description ? (
        <p className="description" dir="auto">
          {o.description}
        </p>
      ) : null}

      <section className="card" aria-labelledby="people">
        <h2 id="people">{t('organisation.people')}</h2>
        {o.delegates.length === 0 ? <p className="hint">{t('organisation.noPeople')}</p> : null}
        <ul className="plain people">
          {o.delegates.map((person) => (
            <li key={person.id} className="person">
              <div>
                <strong>{personName(person)}</strong>
                {person.jobTitle ? <span className="meta"> · {person.jobTitle}</span> : null}
              </div>
              {person.id === delegateId ? (
                <span className="hint">{t('organisation.you')}</span>
              ) : delegateId && !ours ? (
                <RequestMeeting delegate={{ id: person.id, name: personName(person) }} existing={latestWith(person.id)} onSent={requests.reload} />
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <div className="columns">
        <Items title={t('organisation.offers')} items={o.items.filter((i) => i.kind === 'offer')} />
        <Items title={t('organisation.requests')} items={o.items.filter((i) => i.kind === 'request')} />
      </div>

      <section className="card" aria-labelledby="profile-facts">
        <h2 id="profile-facts">{t('organisation.facts')}</h2>
        <dl className="facts">
          {o.stages.length ? (
            <>
              <dt>{t('profile.stages')}</dt>
              <dd>{o.stages.map((s) => vocabulary.stage(s)).join(t('common.listSeparator'))}</dd>
            </>
          ) : null}
          {o.partnershipTypes.length ? (
            <>
              <dt>{t('profile.partnerships')}</dt>
              <dd>{o.partnershipTypes.map(vocabulary.partnership).join(t('common.listSeparator'))}</dd>
            </>
          ) : null}
          {o.languages.length ? (
            <>
              <dt>{t('profile.languages')}</dt>
              <dd>{o.languages.map(languageName).join(t('common.listSeparator'))}</dd>
            </>
          ) : null}
          <Codes title={t('profile.isicCodes')} system="isic" codes={o.isicCodes} />
          <Codes title={t('profile.hsCodes')} system="hs" codes={o.hsCodes} />
          <Codes title={t('profile.requestHsCodes')} system="hs" codes={o.requestHsCodes} />
        </dl>
      </section>
    </Page>
  );
}
