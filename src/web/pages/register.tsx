import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { EventDetails } from '../api/types';
import { useApi } from '../api/use-api';
import { Loading, Problem, problemFor } from '../components/feedback';
import { SelectField, TextField } from '../components/fields';
import { Page } from '../components/page';
import { currentLanguage } from '../i18n/i18n';
import { countryName } from '../names';
import { Link, navigate } from '../router';
import { useSession } from '../session';

const MIN_PASSWORD_LENGTH = 10;

/** A new delegate registers themselves and their organisation, then completes the profile. */
export function RegisterPage({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const event = useApi<EventDetails>(`/api/events/${eventId}`);
  const [form, setForm] = useState({ firstName: '', lastName: '', jobTitle: '', email: '', password: '', organisation: '', country: '', city: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  if (event.error) return <Problem error={event.error} />;
  if (!event.data) return <Loading />;
  const countries = event.data.countries;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const started = await api.post<{ csrfToken: string }>(`/api/events/${eventId}/register`, {
        password: form.password,
        delegate: { firstName: form.firstName.trim(), lastName: form.lastName.trim(), jobTitle: form.jobTitle.trim(), email: form.email.trim(), language: currentLanguage() },
        organisation: { name: form.organisation.trim(), country: form.country.trim(), city: form.city.trim() },
      });
      await session.start(started);
      navigate(`/events/${eventId}/profile/setup`);
    } catch (reason) {
      setError(reason as ApiError);
      setBusy(false);
    }
  };

  return (
    <Page title={t('register.title', { event: event.data.name })} className="narrow">
      <p>{t('register.intro')}</p>
      <form className="card form" onSubmit={submit}>
        <fieldset>
          <legend>{t('register.you')}</legend>
          <div className="field-row">
            <TextField label={t('person.firstName')} value={form.firstName} onChange={set('firstName')} required autoComplete="given-name" problem={problemFor(error, 'firstName')} />
            <TextField label={t('person.lastName')} value={form.lastName} onChange={set('lastName')} required autoComplete="family-name" problem={problemFor(error, 'lastName')} />
          </div>
          <TextField label={t('person.jobTitle')} value={form.jobTitle} onChange={set('jobTitle')} autoComplete="organization-title" />
          <TextField label={t('signIn.email')} type="email" dir="ltr" value={form.email} onChange={set('email')} required autoComplete="email" problem={problemFor(error, 'email')} />
          <TextField
            label={t('register.password')}
            type="password"
            dir="ltr"
            value={form.password}
            onChange={set('password')}
            required
            minLength={MIN_PASSWORD_LENGTH}
            autoComplete="new-password"
            hint={t('register.passwordHint', { count: MIN_PASSWORD_LENGTH })}
            problem={problemFor(error, 'password')}
          />
        </fieldset>
        <fieldset>
          <legend>{t('register.organisation')}</legend>
          <TextField label={t('profile.name')} value={form.organisation} onChange={set('organisation')} required autoComplete="organization" problem={problemFor(error, 'name')} />
          <div className="field-row">
            {countries.length > 0 ? (
              <SelectField label={t('profile.country')} value={form.country} onChange={set('country')} required problem={problemFor(error, 'country')}>
                <option value="">{t('common.choose')}</option>
                {countries.map((code) => (
                  <option key={code} value={code}>
                    {countryName(code)}
                  </option>
                ))}
              </SelectField>
            ) : (
              <TextField label={t('profile.country')} value={form.country} onChange={set('country')} required hint={t('profile.countryHint')} problem={problemFor(error, 'country')} />
            )}
            <TextField label={t('profile.city')} value={form.city} onChange={set('city')} required autoComplete="address-level2" />
          </div>
        </fieldset>
        <Problem error={error} />
        <div className="buttons">
          <button type="submit" className="button-primary" disabled={busy}>
            {t('register.submit')}
          </button>
        </div>
      </form>
      <p>
        <Link to="/sign-in">{t('register.haveAccount')}</Link>
      </p>
    </Page>
  );
}
