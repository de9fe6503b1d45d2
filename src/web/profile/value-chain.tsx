import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { stagesBySector, useTaxonomy, useVocabulary } from '../api/reference';
import { CheckboxGroup } from '../components/fields';
import { Loading } from '../components/feedback';
import { SectionForm } from './section-form';
import type { SectionProps } from './section-form';

export function ValueChain(props: SectionProps) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const vocabulary = useVocabulary();
  const o = props.organisation;
  const [stages, setStages] = useState(o.stages);
  return (
    <SectionForm title={t('profile.sections.stages')} intro={t('profile.stagesIntro')} props={props} save={() => api.patch(`/api/organisations/${o.id}`, { stages })}>
      {taxonomy ? (
        <div className="stage-groups">
          {stagesBySector(taxonomy.stages).map(([sector, list]) => (
            <CheckboxGroup
              key={sector}
              legend={vocabulary.sector(sector)}
              options={list.map((stage) => ({ value: stage.id, label: vocabulary.stage(stage.id, stage.label) }))}
              selected={stages}
              onChange={setStages}
            />
          ))}
        </div>
      ) : (
        <Loading />
      )}
    </SectionForm>
  );
}
