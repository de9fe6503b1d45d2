import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { useApi } from '../api/use-api';
import { Notice, Problem, problemFor } from '../components/feedback';
import { TextField } from '../components/fields';
import { useEvent } from '../shell/event-context';

interface DelegateRecord {
  id: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
}

/** The delegate's own name and job title, as the other side sees them on requests and agendas. */
export function AboutYou() {
  const { t } = useTranslation();
  const { delegateId } = useEvent();
  const headingId = useId();
  const record = useApi<DelegateRecord>(delegateId ? `/api/delegates/${delegateId}` : null);
  const [form, setForm] = useState({ firstName: '', lastName: '', jobTitle: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (record.data) setForm({ firstName: record.data.firstName, lastName: record.data.lastName, jobTitle: record.data.jobTitle });
  }, [record.data]);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setNotice(null);
    try {
      await api.patch(`/api/delegates/${delegateId}`, { firstName: form.firstName.trim(), lastName: form.lastName.trim(), jobTitle: form.jobTitle.trim() });
      setNotice(t('profile.saved'));
    } catch (reason) {
      setError(reason as ApiError);
    }
  };

  return (
    <form className="card form profile-section" onSubmit={submit} aria-labelledby={headingId}>
      <h2 id={headingId}>{t('profile.sections.you')}</h2>
      <div className="field-row">
        <TextField label={t('person.firstName')} value={form.firstName} onChange={set('firstName')} required problem={problemFor(error, 'firstName')} />
        <TextField label={t('person.lastName')} value={form.lastName} onChange={set('lastName')} required problem={problemFor(error, 'lastName')} />
      </div>
      <TextField label={t('person.jobTitle')} value={form.jobTitle} onChange={set('jobTitle')} />
      <Problem error={error} />
      <Notice>{notice}</Notice>
      <div className="buttons">
        <button type="submit" className="button-primary" disabled={!record.data}>
          {t('profile.save')}
        </button>
      </div>
    </form>
  );
}
