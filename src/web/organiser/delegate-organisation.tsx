import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, query } from '../api/client';
import type { DelegateListPage, Organisation } from '../api/types';
import { useApi } from '../api/use-api';
import { CodePicker } from '../components/code-picker';
import { Loading, Notice, Problem, problemFor } from '../components/feedback';
import { SelectField, TextField } from '../components/fields';
import type { LanguageCode } from '../i18n/i18n';
import { countryName, personName } from '../names';
import { Link, useLocation } from '../router';
import { useEvent } from '../shell/event-context';
import { DelegateForm, EMPTY_DELEGATE } from './delegate-form';
import type { DelegateFields } from './delegate-form';
const asLanguage = (code: string): LanguageCode => (code === 'ur' || code === 'zh' ? code : 'en');

function OrganisationForm({ organisation, saved }: { organisation: Organisation; saved(): void }) {
  const { t } = useTranslation();
  const { event } = useEvent();
  const [form, setForm] = useState({ name: organisation.name, country: organisation.country, city: organisation.city });
  const [isicCodes, setIsicCodes] = useState(organisation.isicCodes);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const countries = event.countries.includes(organisation.country) ? event.countries : [organisation.country, ...event.countries];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setNotice(null);
    try {
      await api.patch(`/api/organisations/${organisation.id}`, { name: form.name.trim(), country: form.country, city: form.city.trim(), isicCodes });
      setNotice(t('profile.saved'));
      saved();
    } catch (reason) {
      setError(reason as ApiError);
    }
  };

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="organisation-form">
      <h2 id="organisation-form">{t('profile.sections.organisation')}</h2>
      <TextField label={t('profile.name')} value={form.name} onChange={set('name')} required problem={problemFor(error, 'name')} />
      <div className="field-row">
        <SelectField label={t('profile.country')} value={form.country} onChange={set('country')} problem={problemFor(error, 'country')}>
          {countries.map((code) => (
            <option key={code} value={code}>
              {countryName(code)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('profile.city')} value={form.city} onChange={set('city')} problem={problemFor(error, 'city')} />
      </div>
      <CodePicker system="isic" label={t('profile.isicCodes')} hint={t('profile.isicHint')} selected={isicCodes} onChange={setIsicCodes} />
      <Problem error={error} />
      <Notice>{notice}</Notice>
      <div className="buttons">
        <button type="submit" className="button-primary">
          {t('profile.save')}
        </button>
      </div>
    </form>
  );
}

/** One organisation opened from the list: its profile basics, its delegates, and a form to add one. */
export function DelegateOrganisation({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const { event, base } = useEvent();
  const { search } = useLocation();
  const organisation = useApi<Organisation>(`/api/organisations/${organisationId}`);
  const people = useApi<DelegateListPage>(`/api/events/${event.id}/delegates${query({ organisationId, limit: 1000 })}`);
  const back = new URLSearchParams(search);
  back.delete('organisation');
  const backLink = `${base}/organiser/delegates${back.size ? `?${back.toString()}` : ''}`;

  if (organisation.error || people.error) return <Problem error={organisation.error ?? people.error} />;
  if (!organisation.data || !people.data) return <Loading />;
  const o = organisation.data;

  return (
    <section aria-labelledby="opened-organisation">
      <p className="no-print">
        <Link to={backLink}>{t('newEvent.delegates.back')}</Link>
      </p>
      <h2 id="opened-organisation" dir="auto">
        {o.name}
      </h2>
      <p className="meta">
        {countryName(o.country)}
        {o.city ? ` · ${o.city}` : ''} · <Link to={`${base}/organisations/${o.id}`}>{t('newEvent.delegates.publicProfile')}</Link>
      </p>
      <OrganisationForm key={o.id} organisation={o} saved={organisation.reload} />

      <section className="card" aria-labelledby="organisation-delegates">
        <h3 id="organisation-delegates">{t('newEvent.delegates.people', { count: people.data.total })}</h3>
        {people.data.items.length === 0 ? <p className="hint">{t('organisation.noPeople')}</p> : null}
        {people.data.items.map((person) => (
          <DelegateForm
            key={person.id}
            title={personName(person)}
            initial={{ firstName: person.firstName, lastName: person.lastName, jobTitle: person.jobTitle, email: person.email, language: asLanguage(person.language) }}
            submitLabel={t('newEvent.delegates.saveDelegate', { name: personName(person) })}
            savedText={() => t('profile.saved')}
            save={(fields: DelegateFields) => api.patch(`/api/delegates/${person.id}`, fields).then(() => people.reload())}
          />
        ))}
        <DelegateForm
          title={t('newEvent.delegates.addTitle')}
          initial={EMPTY_DELEGATE}
          submitLabel={t('newEvent.delegates.add')}
          savedText={(fields) => t('newEvent.delegates.added', { name: personName(fields) })}
          save={(fields: DelegateFields) => api.post(`/api/organisations/${o.id}/delegates`, fields).then(() => people.reload())}
          clearAfterSave
        />
      </section>
    </section>
  );
}
