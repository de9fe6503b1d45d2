import { useTranslation } from 'react-i18next';
import { query } from '../api/client';
import { useTaxonomy, useVocabulary } from '../api/reference';
import { Loading, Problem } from '../components/feedback';
import { TextField } from '../components/fields';
import { CountryFilter, StageFilter } from '../components/filter-fields';
import { Pager, ResultCount, useOrganisationSearch } from '../components/organisation-search';
import { countryName } from '../names';
import { Link } from '../router';
import { useEvent } from '../shell/event-context';

const PAGE_SIZE = 25;
const FILTERS = ['q', 'country', 'stage'] as const;

/**
 * The event's organisations for the organiser: search, filter by country and sector, a page at a
 * time; each opens for editing with its delegates. Filters live in the address, so Back works.
 */
export function DelegateList() {
  const { t } = useTranslation();
  const { event, base } = useEvent();
  const taxonomy = useTaxonomy();
  const vocabulary = useVocabulary();
  const here = `${base}/organiser/delegates`;
  const { applied, draft, filtered, set, submit, results, paging } = useOrganisationSearch(event.id, here, FILTERS, PAGE_SIZE);

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
          {filtered ? (
            <Link className="button" to={here}>
              {t('directory.clear')}
            </Link>
          ) : null}
        </div>
      </form>

      <Problem error={results.error} />
      {results.data ? (
        <>
          <ResultCount paging={paging} />
          {paging.total > 0 ? (
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
                        <Link to={`${here}${query({ ...applied, page: paging.page > 1 ? paging.page : undefined, organisation: organisation.id })}`}>{organisation.name}</Link>
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
          <Pager paging={paging} />
        </>
      ) : (
        <Loading />
      )}
    </section>
  );
}
