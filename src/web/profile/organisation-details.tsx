import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { SelectField, TextArea, TextField } from '../components/fields';
import { countryName } from '../names';
import { useEvent } from '../shell/event-context';
import { SectionForm } from './section-form';
import type { SectionProps } from './section-form';

const SIZE_BANDS = ['micro', 'small', 'medium', 'large'] as const;

export function OrganisationDetails(props: SectionProps) {
  const { t } = useTranslation();
  const { event } = useEvent();
  const o = props.organisation;
  const [form, setForm] = useState({ name: o.name, country: o.country, city: o.city, website: o.website ?? '', sizeBand: o.sizeBand, description: o.description });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const countries = event.countries.includes(o.country) || !o.country ? event.countries : [o.country, ...event.countries];

  return (
    <SectionForm
      title={t('profile.sections.organisation')}
      props={props}
      save={() => api.patch(`/api/organisations/${o.id}`, { ...form, website: form.website.trim() || null })}
    >
      <TextField label={t('profile.name')} value={form.name} onChange={set('name')} required />
      <div className="field-row">
        {countries.length > 0 ? (
          <SelectField label={t('profile.country')} value={form.country} onChange={set('country')}>
            {countries.map((code) => (
              <option key={code} value={code}>
                {countryName(code)}
              </option>
            ))}
          </SelectField>
        ) : (
          <TextField label={t('profile.country')} value={form.country} onChange={set('country')} hint={t('profile.countryHint')} />
        )}
        <TextField label={t('profile.city')} value={form.city} onChange={set('city')} />
      </div>
      <div className="field-row">
        <TextField label={t('profile.website')} type="url" dir="ltr" placeholder="https://" value={form.website} onChange={set('website')} />
        <SelectField label={t('profile.size')} value={form.sizeBand} onChange={set('sizeBand')}>
          {SIZE_BANDS.map((band) => (
            <option key={band} value={band}>
              {t(`sizeBands.${band}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextArea label={t('profile.description')} hint={t('profile.descriptionHint')} rows={5} maxLength={5000} dir="auto" value={form.description} onChange={set('description')} />
    </SectionForm>
  );
}
