import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { Notice, Problem, problemFor } from '../components/feedback';
import { TextArea, TextField } from '../components/fields';
import { useEvent } from '../shell/event-context';
import { wallClock, zonedInstant } from '../time';

const limit = (value: string) => (value.trim() === '' ? null : Number(value));

/** The event's facts and the rules every request must follow. */
export function EventRules({ saved }: { saved(): void }) {
  const { t } = useTranslation();
  const { event } = useEvent();
  const [form, setForm] = useState({
    name: event.name,
    venue: event.venue,
    city: event.city,
    timeZone: event.timeZone,
    days: event.days.join(', '),
    description: event.description,
    countries: event.countries.join(', '),
    maxMeetings: event.maxMeetingsPerDelegate?.toString() ?? '',
    maxPending: event.maxPendingRequestsPerDelegate?.toString() ?? '',
    deadline: event.requestDeadline ? wallClock(event.requestDeadline, event.timeZone) : '',
  });
  const [crossBorderOnly, setCrossBorderOnly] = useState(event.crossBorderOnly);
  const [directoryPublic, setDirectoryPublic] = useState(event.directoryPublic);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setNotice(null);
    const [day, time] = form.deadline.split('T');
    try {
      await api.patch(`/api/events/${event.id}`, {
        name: form.name.trim(),
        venue: form.venue.trim(),
        city: form.city.trim(),
        timeZone: form.timeZone.trim(),
        days: form.days.split(/[\s,;]+/).filter(Boolean),
        description: form.description,
        countries: form.countries.split(/[\s,;]+/).filter(Boolean),
        crossBorderOnly,
        directoryPublic,
        maxMeetingsPerDelegate: limit(form.maxMeetings),
        maxPendingRequestsPerDelegate: limit(form.maxPending),
        requestDeadline: day && time ? zonedInstant(day, time, form.timeZone.trim()).toISOString() : null,
      });
      setNotice(t('profile.saved'));
      saved();
    } catch (reason) {
      setError(reason as ApiError);
    }
  };

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="event-rules">
      <h2 id="event-rules">{t('setup.eventTitle')}</h2>
      <TextField label={t('setup.name')} value={form.name} onChange={set('name')} required problem={problemFor(error, 'name')} />
      <div className="field-row">
        <TextField label={t('setup.venue')} value={form.venue} onChange={set('venue')} />
        <TextField label={t('profile.city')} value={form.city} onChange={set('city')} />
      </div>
      <div className="field-row">
        <TextField label={t('setup.timeZone')} hint={t('setup.timeZoneHint')} dir="ltr" value={form.timeZone} onChange={set('timeZone')} problem={problemFor(error, 'timeZone')} />
        <TextField label={t('setup.days')} hint={t('setup.daysHint')} dir="ltr" value={form.days} onChange={set('days')} problem={problemFor(error, 'days')} />
      </div>
      <TextArea label={t('setup.description')} rows={3} dir="auto" value={form.description} onChange={set('description')} />
      <fieldset>
        <legend>{t('setup.rules')}</legend>
        <div className="field-row">
          <TextField label={t('setup.maxMeetings')} hint={t('setup.noLimitHint')} type="number" min={1} max={1000} className="short" value={form.maxMeetings} onChange={set('maxMeetings')} problem={problemFor(error, 'maxMeetingsPerDelegate')} />
          <TextField label={t('setup.maxPending')} hint={t('setup.noLimitHint')} type="number" min={1} max={1000} className="short" value={form.maxPending} onChange={set('maxPending')} problem={problemFor(error, 'maxPendingRequestsPerDelegate')} />
        </div>
        <div className="field-row">
          <TextField label={t('setup.deadline', { zone: form.timeZone })} hint={t('setup.deadlineHint')} type="datetime-local" value={form.deadline} onChange={set('deadline')} />
          <TextField label={t('setup.countries')} hint={t('setup.countriesHint')} dir="ltr" value={form.countries} onChange={set('countries')} problem={problemFor(error, 'countries')} />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={crossBorderOnly} onChange={(e) => setCrossBorderOnly(e.target.checked)} />
          <span>{t('setup.crossBorderOnly')}</span>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={directoryPublic} onChange={(e) => setDirectoryPublic(e.target.checked)} />
          <span>{t('setup.directoryPublic')}</span>
        </label>
      </fieldset>
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
