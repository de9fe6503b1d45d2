import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES } from '../../domain/countries';
import { api, ApiError } from '../api/client';
import { Problem, problemFor } from '../components/feedback';
import { SelectField, TextField } from '../components/fields';
import { currentLanguage, currentLocale } from '../i18n/i18n';
import { countryName } from '../names';
import { deviceTimeZone } from '../time';
import type { Programme, RegistrationOutcome } from './types';

type Question = Programme['questions'][number];

/** The programme's eligibility questions (country, organisation, role) and the registrant's details. */
export function RegistrationForm({ programme, onRegistered }: { programme: Programme; onRegistered(outcome: RegistrationOutcome, email: string): void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ name: '', nameLatin: '', email: '', country: '', organisation: '', role: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const full = programme.capacity !== null && programme.placesLeft === 0;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    const answers = Object.fromEntries(programme.questions.map((q) => [q.key, form[q.key].trim() || null]));
    try {
      const outcome = await api.post<RegistrationOutcome>(`/api/programmes/${programme.slug}/registrations`, {
        name: form.name.trim(),
        nameLatin: form.nameLatin.trim() || null,
        email: form.email.trim(),
        language: currentLanguage(),
        timeZone: deviceTimeZone(),
        ...answers,
      });
      onRegistered(outcome, form.email.trim());
    } catch (reason) {
      setError(reason as ApiError);
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="registration-form-title">
      <h2 id="registration-form-title">{t('training.form.title')}</h2>
      <TextField label={t('training.form.name')} value={form.name} onChange={set('name')} required autoComplete="name" problem={problemFor(error, 'name')} />
      <TextField
        label={t('training.form.nameLatin')}
        dir="ltr"
        value={form.nameLatin}
        onChange={set('nameLatin')}
        hint={t('training.form.nameLatinHint')}
        problem={problemFor(error, 'nameLatin')}
      />
      <TextField
        label={t('training.form.email')}
        type="email"
        dir="ltr"
        value={form.email}
        onChange={set('email')}
        required
        autoComplete="email"
        hint={t('training.form.emailHint')}
        problem={problemFor(error, 'email')}
      />
      {programme.questions.map((question) => (
        <QuestionField key={question.key} question={question} value={form[question.key]} onChange={set(question.key)} problem={problemFor(error, question.key)} />
      ))}
      <Problem error={error} />
      <div className="buttons">
        <button type="submit" className="button-primary" disabled={busy}>
          {full ? t('training.form.submitWaitlist') : t('training.form.submit')}
        </button>
      </div>
    </form>
  );
}

function QuestionField({ question, value, onChange, problem }: { question: Question; value: string; onChange(e: { target: { value: string } }): void; problem: string | null }) {
  const { t } = useTranslation();
  const label = question.required ? t(`training.form.${question.key}`) : `${t(`training.form.${question.key}`)} ${t('training.form.optional')}`;
  const countries = useMemo(() => {
    if (question.key !== 'country') return [];
    const collator = new Intl.Collator(currentLocale());
    return (question.allowed ?? [...COUNTRY_CODES]).map((code) => ({ code, name: countryName(code) })).sort((a, b) => collator.compare(a.name, b.name));
  }, [question]);

  if (question.key === 'country') {
    return (
      <SelectField label={label} value={value} onChange={onChange} required={question.required} autoComplete="country" problem={problem}>
        <option value="">{t('common.choose')}</option>
        {countries.map(({ code, name }) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </SelectField>
    );
  }
  if (question.key === 'role' && question.allowed) {
    return (
      <SelectField label={label} value={value} onChange={onChange} required={question.required} problem={problem}>
        <option value="">{t('common.choose')}</option>
        {question.allowed.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </SelectField>
    );
  }
  return (
    <TextField
      label={label}
      value={value}
      onChange={onChange}
      required={question.required}
      autoComplete={question.key === 'organisation' ? 'organization' : 'organization-title'}
      problem={problem}
    />
  );
}
