import type { ChangeEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { stagesBySector, useVocabulary } from '../api/reference';
import type { Taxonomy } from '../api/types';
import { countryName } from '../names';
import { SelectField } from './fields';

/** "Any" or one of the event's countries, named in the reader's language. */
export function CountryFilter({ label, countries, value, onChange }: { label: string; countries: readonly string[]; value: string; onChange: ChangeEventHandler<HTMLSelectElement> }) {
  const { t } = useTranslation();
  return (
    <SelectField label={label} value={value} onChange={onChange}>
      <option value="">{t('directory.any')}</option>
      {countries.map((code) => (
        <option key={code} value={code}>
          {countryName(code)}
        </option>
      ))}
    </SelectField>
  );
}

/** "Any" or one value-chain stage, grouped by sector. */
export function StageFilter({ label, taxonomy, value, onChange }: { label: string; taxonomy: Taxonomy | undefined; value: string; onChange: ChangeEventHandler<HTMLSelectElement> }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  return (
    <SelectField label={label} value={value} onChange={onChange}>
      <option value="">{t('directory.any')}</option>
      {taxonomy
        ? stagesBySector(taxonomy.stages).map(([sector, stages]) => (
            <optgroup key={sector} label={vocabulary.sector(sector)}>
              {stages.map((stage) => (
                <option key={stage.id} value={stage.id}>
                  {vocabulary.stage(stage.id, stage.label)}
                </option>
              ))}
            </optgroup>
          ))
        : null}
    </SelectField>
  );
}
