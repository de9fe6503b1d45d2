import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { query } from '../api/client';
import { useTaxonomy, useVocabulary } from '../api/reference';
import type { OrganisationPage, OrganisationSummary } from '../api/types';
import { useApi } from '../api/use-api';
import { Loading, Problem } from '../components/feedback';
import { SelectField, TextField } from '../components/fields';
import { CountryFilter, StageFilter } from '../components/filter-fields';
import { Page } from '../components/page';
import { currentLocale } from '../i18n/i18n';
import { countryName } from '../names';
import { Link, navigate, useLocation } from '../router';
import { useEvent } from '../shell/event-context';

const PAGE_SIZE = 20;
const FILTERS = ['q', 'country', 'stage', 'partnershipType'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

function OrganisationCard({ organisation }: { organisation: OrganisationSummary }) {
  const { base } = useEvent();
  const vocabulary = useVocabulary();
  return (
    <li className="card organisation-card">
      <h2>
        <Link to={`${base}/organisations/${organisation.id}`}>{organisation.name}</Link>
      </h2>
      <p className="meta">{[countryName(organisation.country), organisation.city].filter(Boolean).join(' · ')}</p>
      {organisation.stages.length ? (
        <ul className="chips">
          {organisation.stages.map((stage) => (
            <li key={stage}>{vocabulary.stage(stage)}</li>
          ))}
        </ul>
      ) : null}
      {organisation.description ? (
        <p className="excerpt" dir="auto">
          {organisation.description}
        </p>
      ) : null}
    </li>
  );
}

/** Search and filter the event's organisations; the filters live in the address, so Back and links work. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const { event, base } = useEvent();
  const { search } = useLocation();
  const taxonomy = useTaxonomy();
  const vocabulary = useVocabulary();
  const applied = Object.fromEntries(FILTERS.map((name) => [name, search.get(name) ?? ''])) as Filters;
  const page = Math.max(1, Number(search.get('page')) || 1);
  const [draft, setDraft] = useState<Filters>(applied);
  const appliedKey = FILTERS.map((name) => applied[name]).join('\u0000');
  // When the address changes (Back, a link) the form shows what is applied; `applied` is a new
  // object on every render, so its joined values say when it really changed.
  useEffect(() => setDraft(applied), [appliedKey]);

  const results = useApi<OrganisationPage>(`/api/events/${event.id}/organisations${query({ ...applied, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`${base}/directory${query({ ...draft })}`);
  };
  const pageLink = (n: number) => `${base}/directory${query({ ...applied, page: n > 1 ? n : undefined })}`;
  const set = (name: keyof Filters) => (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value });
  const total = results.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const number = new Intl.NumberFormat(currentLocale());

  return (
    <Page title={t('directory.title')}>
      <form className="filters card" role="search" onSubmit={submit}>
        <TextField label={t('directory.search')} type="search" value={draft.q} onChange={set('q')} hint={t('directory.searchHint')} />
        <CountryFilter label={t('directory.country')} countries={event.countries} value={draft.country} onChange={set('country')} />
        <StageFilter label={t('directory.stage')} taxonomy={taxonomy} value={draft.stage} onChange={set('stage')} />
        <SelectField label={t('directory.partnership')} value={draft.partnershipType} onChange={set('partnershipType')}>
          <option value="">{t('directory.any')}</option>
          {taxonomy?.partnershipTypes.map((type) => (
            <option key={type} value={type}>
              {vocabulary.partnership(type)}
            </option>
          ))}
        </SelectField>
        <div className="buttons">
          <button type="submit" className="button-primary">
            {t('directory.apply')}
          </button>
          {FILTERS.some((name) => applied[name]) ? (
            <Link className="button" to={`${base}/directory`}>
              {t('directory.clear')}
            </Link>
          ) : null}
        </div>
      </form>

      <Problem error={results.error} />
      {results.data ? (
        <>
          <p className="result-count" role="status">
            {total === 0
              ? t('directory.none')
              : t('directory.showing', {
                  from: number.format((page - 1) * PAGE_SIZE + 1),
                  to: number.format(Math.min(page * PAGE_SIZE, total)),
                  total: number.format(total),
                  count: total,
                })}
          </p>
          <ul className="cards" aria-busy={results.loading}>
            {results.data.items.map((organisation) => (
              <OrganisationCard key={organisation.id} organisation={organisation} />
            ))}
          </ul>
          {pages > 1 ? (
            <nav className="pager" aria-label={t('directory.pages')}>
              {page > 1 ? <Link to={pageLink(page - 1)}>{t('directory.previous')}</Link> : <span />}
              <span>{t('directory.page', { page: number.format(page), pages: number.format(pages) })}</span>
              {page < pages ? <Link to={pageLink(page + 1)}>{t('directory.next')}</Link> : <span />}
            </nav>
          ) : null}
        </>
      ) : (
        <Loading />
      )}
    </Page>
  );
}
