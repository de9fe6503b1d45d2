import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useTaxonomy, useVocabulary } from '../api/reference';
import { CheckboxGroup } from '../components/fields';
import { languageName } from '../names';
import { SectionForm } from './section-form';
import type { SectionProps } from './section-form';

// The corridor's working languages first, then others common among its delegations.
const LANGUAGE_CHOICES = ['en', 'ur', 'zh', 'pa', 'sd', 'ps', 'ar', 'ru', 'fr', 'de'];

export function PartnershipsAndLanguages(props: SectionProps) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const vocabulary = useVocabulary();
  const o = props.organisation;
  const [partnershipTypes, setPartnerships] = useState<string[]>(o.partnershipTypes);
  const [languages, setLanguages] = useState(o.languages);
  const languageOptions = [...new Set([...LANGUAGE_CHOICES, ...o.languages])];
  return (
    <SectionForm
      title={t('profile.sections.partnerships')}
      props={props}
      save={() => api.patch(`/api/organisations/${o.id}`, { partnershipTypes, languages })}
    >
      <CheckboxGroup
        legend={t('profile.partnerships')}
        hint={t('profile.partnershipsHint')}
        options={(taxonomy?.partnershipTypes ?? []).map((type) => ({ value: type, label: vocabulary.partnership(type) }))}
        selected={partnershipTypes}
        onChange={setPartnerships}
      />
      <CheckboxGroup
        legend={t('profile.languages')}
        hint={t('profile.languagesHint')}
        options={languageOptions.map((code) => ({ value: code, label: languageName(code) }))}
        selected={languages}
        onChange={setLanguages}
      />
    </SectionForm>
  );
}
