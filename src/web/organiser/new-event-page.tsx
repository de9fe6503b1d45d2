import { useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { EventDetails } from '../api/types';
import { Problem, problemFor } from '../components/feedback';
import { TextArea, TextField } from '../components/fields';
import { Page } from '../components/page';
import { navigate } from '../router';
import { useSession } from '../session';
import { deviceTimeZone, zonedInstant } from '../time';

/** Every IANA zone the browser knows, for the searchable time-zone field. */
function timeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? ['Asia/Karachi', 'Asia/Shanghai', 'UTC'];
}

const limit = (value: string) => (value.trim() === '' ? null : Number(value));

/** An organiser creates an event, then sets its slots, breaks and tables on the set-up page. */
export function NewEventPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const zoneListId = useId();
  const zones = useMemo(timeZones, []);
  const [form, setForm] = useState({
    name: '',
    venue: '',
    city: '',
    countries: '',
    timeZone: deviceTimeZone(),
    firstDay: '',
    lastDay: '',
    description: '',
    deadline: '',
    maxMeetings: '',
  });
  const [crossBorderOnly, setCrossBorderOnly] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  if (me?.role !== 'organiser') {
    return (
      <Page title={t('newEvent.title')}>
        <p>{t('newEvent.notAllowed')}</p>
      </Page>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    const timeZone = form.timeZone.trim();
    const [day, time] = form.deadline.split('T');
    try {
      const created = await api.post<EventDetails>('/api/events', {
        name: form.name.trim(),
        venue: form.venue.trim(),
        city: form.city.trim(),
        countries: form.countries.split(/[\s,;]+/).filter(Boolean),
        timeZone,
        firstDay: form.firstDay,
        lastDay: form.lastDay,
        description: form.description,
        crossBorderOnly,
        maxMeetingsPerDelegate: limit(form.maxMeetings),
        requestDeadline: day && time ? zonedInstant(day, time, zones.includes(timeZone) ? timeZone : 'UTC').toISOString() : null,
      });
      navigate(`/events/${created.id}/organiser/setup`);
    } catch (reason) {
      setError(reason as ApiError);
      setBusy(false);
    }
  };

  return (
    <Page title={t('newEvent.title')}>
      <p>{t('newEvent.intro')}</p>
      <form className="card form" onSubmit={submit}>
        <TextField label={t('setup.name')} value={form.name} onChange={set('name')} required autoComplete="off" problem={problemFor(error, 'name') ?? problemFor(error, 'slug')} />
        <div className="field-row">
          <TextField label={t('setup.venue')} value={form.venue} onChange={set('venue')} problem={problemFor(error, 'venue')} />
          <TextField label={t('profile.city')} value={form.city} onChange={set('city')} problem={problemFor(error, 'city')} />
        </div>
        <div className="field-row">
          <TextField label={t('newEvent.countries')} hint={t('setup.countriesHint')} dir="ltr" value={form.countries} onChange={set('countries')} problem={problemFor(error, 'countries')} />
          <TextField
            label={t('setup.timeZone')}
            hint={t('newEvent.timeZoneHint')}
            dir="ltr"
            list={zoneListId}
            autoComplete="off"
            required
            value={form.timeZone}
            onChange={set('timeZone')}
            problem={problemFor(error, 'timeZone')}
          />
          <datalist id={zoneListId}>
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </div>
        <div className="field-row">
          <TextField label={t('newEvent.firstDay')} type="date" required value={form.firstDay} onChange={set('firstDay')} problem={problemFor(error, 'firstDay')} />
          <TextField label={t('newEvent.lastDay')} type="date" required value={form.lastDay} onChange={set('lastDay')} problem={problemFor(error, 'lastDay') ?? problemFor(error, 'days')} />
        </div>
        <TextArea label={t('setup.description')} rows={3} dir="auto" value={form.description} onChange={set('description')} problem={problemFor(error, 'description')} />
        <fieldset>
          <legend>{t('setup.rules')}</legend>
          <div className="field-row">
            <TextField
              label={t('setup.deadline', { zone: form.timeZone })}
              hint={t('setup.deadlineHint')}
              type="datetime-local"
              value={form.deadline}
              onChange={set('deadline')}
              problem={problemFor(error, 'requestDeadline')}
            />
            <TextField
              label={t('setup.maxMeetings')}
              hint={t('setup.noLimitHint')}
              type="number"
              min={1}
              max={1000}
              className="short"
              value={form.maxMeetings}
              onChange={set('maxMeetings')}
              problem={problemFor(error, 'maxMeetingsPerDelegate')}
            />
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={crossBorderOnly} onChange={(e) => setCrossBorderOnly(e.target.checked)} />
            <span>{t('setup.crossBorderOnly')}</span>
          </label>
        </fieldset>
        <Problem error={error} />
        <p className="hint">{t('newEvent.next')}</p>
        <div className="buttons">
          <button type="submit" className="button-primary" disabled={busy}>
            {t('newEvent.submit')}
          </button>
        </div>
      </form>
    </Page>
  );
}
