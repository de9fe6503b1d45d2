import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { CodePicker } from '../components/code-picker';
import { SectionForm } from './section-form';
import type { SectionProps } from './section-form';

export function SectorsAndProducts(props: SectionProps) {
  const { t } = useTranslation();
  const o = props.organisation;
  const [isicCodes, setIsic] = useState(o.isicCodes);
  const [hsCodes, setHs] = useState(o.hsCodes);
  const [requestHsCodes, setRequestHs] = useState(o.requestHsCodes);
  return (
    <SectionForm
      title={t('profile.sections.sectors')}
      intro={t('profile.sectorsIntro')}
      props={props}
      save={() => api.patch(`/api/organisations/${o.id}`, { isicCodes, hsCodes, requestHsCodes })}
    >
      <CodePicker system="isic" label={t('profile.isicCodes')} hint={t('profile.isicHint')} selected={isicCodes} onChange={setIsic} />
      <CodePicker system="hs" label={t('profile.hsCodes')} hint={t('profile.hsHint')} selected={hsCodes} onChange={setHs} />
      <CodePicker system="hs" label={t('profile.requestHsCodes')} hint={t('profile.requestHsHint')} selected={requestHsCodes} onChange={setRequestHs} />
    </SectionForm>
  );
}
