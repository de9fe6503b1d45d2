import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { Notice, Problem, problemFor } from '../components/feedback';
import { SelectField, TextField } from '../components/fields';
import { LANGUAGES } from '../i18n/i18n';
import type { LanguageCode } from '../i18n/i18n';

export interface DelegateFields {
  firstName: string;
  lastName: string;
  jobTitle: string;
  email: string;
  language: LanguageCode;
}

export const EMPTY_DELEGATE: DelegateFields = { firstName: '', lastName: '', jobTitle: '', email: '', language: 'en' };

/**
 * One delegate's name, role, e-mail and language, for the organiser to correct or to add a person
 * by hand. `save` sends the fields to the API; its field errors show under the field they name.
 */
export function DelegateForm({ title, initial, submitLabel, savedText, save, clearAfterSave = false }: {
  title: string;
  initial: DelegateFields;
  submitLabel: string;
  savedText: (fields: DelegateFields) => string;
  save(fields: DelegateFields): Promise<unknown>;
  clearAfterSave?: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [form, setForm] = useState(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof DelegateFields) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setNotice(null);
    setBusy(true);
    const fields = { ...form, firstName: form.firstName.trim(), lastName: form.lastName.trim(), jobTitle: form.jobTitle.trim(), email: form.email.trim() };
    try {
      await save(fields);
      setNotice(savedText(fields));
      if (clearAfterSave) setForm(EMPTY_DELEGATE);
    } catch (reason) {
      setError(reason instanceof ApiError ? reason : new ApiError(0, 'UNKNOWN', String(reason)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="delegate-form" onSubmit={submit} aria-labelledby={headingId}>
      <h4 id={headingId}>{title}</h4>
      <div className="field-row">
        <TextField label={t('person.firstName')} value={form.firstName} onChange={set('firstName')} required problem={problemFor(error, 'firstName')} />
        <TextField label={t('person.lastName')} value={form.lastName} onChange={set('lastName')} required problem={problemFor(error, 'lastName')} />
      </div>
      <div className="field-row">
        <TextField label={t('person.jobTitle')} value={form.jobTitle} onChange={set('jobTitle')} problem={problemFor(error, 'jobTitle')} />
        <TextField label={t('signIn.email')} type="email" dir="ltr" value={form.email} onChange={set('email')} required problem={problemFor(error, 'email')} />
        <SelectField label={t('newEvent.delegates.language')} value={form.language} onChange={set('language')} problem={problemFor(error, 'language')}>
          {LANGUAGES.map((language) => (
            <option key={language.code} value={language.code} lang={language.code}>
              {language.name}
            </option>
          ))}
        </SelectField>
      </div>
      <Problem error={error} />
      <Notice>{notice}</Notice>
      <div className="buttons">
        <button type="submit" className="button-primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
