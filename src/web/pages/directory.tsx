import { useTranslation } from 'react-i18next';
import { useTaxonomy, useVocabulary } from '../api/reference';
import type { OrganisationSummary } from '../api/types';
import { Loading, Problem } from '../components/feedback';
import { SelectField, TextField } from '../components/fields';
import { CountryFilter, StageFilter } from '../components/filter-fields';
import { Pager, ResultCount, useOrganisationSearch } from '../components/organisation-search';
import { Page } from '../components/page';
import { countryName } from '../names';
import { Link } from '../router';
import { useEvent } from '../shell/event-context';

const PAGE_SIZE = 20;
const FILTERS = ['q', 'country', 'stage', 'partnershipType'] as const;

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
  const taxonomy = useTaxonomy();
  const vocabulary = useVocabulary();
  const { draft, filtered, set, submit, results, paging } = useOrganisationSearch(event.id, `${base}/directory`, FILTERS, PAGE_SIZE);

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
          {filtered ? (
            <Link className="button" to={`${base}/directory`}>
              {t('directory.clear')}
            </Link>
          ) : null}
        </div>
      </form>

      <Problem error={results.error} />
      {results.data ? (
        <>
          <ResultCount paging={paging} />
          <ul className="cards" aria-busy={results.loading}>
            {results.data.items.map((organisation) => (
              <OrganisationCard key={organisation.id} organisation={organisation} />
            ))}
          </ul>
          <Pager paging={paging} />
        </>
      ) : (
        <Loading />
      )}
    </Page>
  );
}
