import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { query } from '../api/client';
import { useTaxonomy, useVocabulary } from '../api/reference';
import type { OrganisationPage } from '../api/types';
import { useApi } from '../api/use-api';
import { Loading, Problem } from '../components/feedback';
import { TextField } from '../components/fields';
import { CountryFilter, StageFilter } from '../components/filter-fields';
import { currentLocale } from '../i18n/i18n';
import { countryName } from '../names';
import { Link, navigate, useLocation } from '../router';
import { useEvent } from '../shell/event-context';

const PAGE_SIZE = 25;
const FILTERS = ['q', 'country', 'stage'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

/**
 * The event's organisations for the organiser: search, filter by country and sector, a page at a
 * time; each opens for editing with its delegates. Filters live in the address, so Back works.
 */
export function DelegateList() {
  const { t } = useTranslation();
  const { event, base } = useEvent();
  const { search } = useLocation();
  const taxonomy = useTaxonomy();
  const vocabulary = useVocabulary();
  const here = `${base}/organiser/delegates`;
  const applied = Object.fromEntries(FILTERS.map((name) => [name, search.get(name) ?? ''])) as Filters;
  const page = Math.max(1, Number(search.get('page')) || 1);
  const [draft, setDraft] = useState<Filters>(applied);
  const appliedKey = FILTERS.map((name) => applied[name]).join('\u0000');
  useEffect(() => setDraft(applied), [appliedKey]);

  const results = useApi<OrganisationPage>(`/api/events/${event.id}/organisations${query({ ...applied, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`);
  const set = (name: keyof Filters) => (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`${here}${query({ ...draft })}`);
  };
  const pageLink = (n: number) => `${here}${query({ ...applied, page: n > 1 ? n : undefined })}`;
  const total = results.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const number = new Intl.NumberFormat(currentLocale());

  return (
    <section className="card" aria-labelledby="organisation-list">
      <h2 id="organisation-list">{t('newEvent.delegates.listTitle')}</h2>
      <form className="filters" role="search" onSubmit={submit}>
        <TextField label={t('directory.search')} type="search" value={draft.q} onChange={set('q')} hint={t('directory.searchHint')} />
        <CountryFilter label={t('directory.country')} countries={event.countries} value={draft.country} onChange={set('country')} />
        <StageFilter label={t('newEvent.delegates.sector')} taxonomy={taxonomy} value={draft.stage} onChange={set('stage')} />
        <div className="buttons">
          <button type="submit" className="button-primary">
            {t('directory.apply')}
          </button>
          {FILTERS.some((name) => applied[name]) ? (
            <Link className="button" to={here}>
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
          {total > 0 ? (
            <div className="table-scroll">
              <table className="organisation-table" aria-busy={results.loading}>
                <thead>
                  <tr>
                    <th scope="col">{t('profile.name')}</th>
                    <th scope="col">{t('profile.country')}</th>
                    <th scope="col">{t('profile.city')}</th>
                    <th scope="col">{t('newEvent.delegates.stages')}</th>
                  </tr>
                </thead>
                <tbody>
                  {results.data.items.map((organisation) => (
                    <tr key={organisation.id}>
                      <td>
                        <Link to={`${here}${query({ ...applied, page: page > 1 ? page : undefined, organisation: organisation.id })}`}>{organisation.name}</Link>
                      </td>
                      <td>{countryName(organisation.country)}</td>
                      <td>{organisation.city}</td>
                      <td>{organisation.stages.map((stage) => vocabulary.stage(stage)).join(t('common.listSeparator'))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
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
    </section>
  );
}
