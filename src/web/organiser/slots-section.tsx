import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { Slot } from '../api/types';
import { useApi } from '../api/use-api';
import { Loading, Notice, Problem } from '../components/feedback';
import { SelectField, TextField } from '../components/fields';
import { useEvent } from '../shell/event-context';
import { dayKey, dayName, eventDay, timeRange } from '../time';
import { planSlots } from './slot-plan';

/** The event's time slots by day, and a generator that cuts a day into meetings around a break. */
export function SlotsSection() {
  const { t } = useTranslation();
  const { event } = useEvent();
  const slots = useApi<Slot[]>(`/api/events/${event.id}/slots`);
  const [plan, setPlan] = useState({ day: event.days[0] ?? '', from: '09:00', to: '17:00', minutes: '20', breakFrom: '12:40', breakTo: '13:40', breakLabel: 'Lunch' });
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const set = (key: keyof typeof plan) => (e: { target: { value: string } }) => setPlan({ ...plan, [key]: e.target.value });
  const planned = planSlots({ ...plan, meetingMinutes: Number(plan.minutes) }, event.timeZone);
  const meetingCount = planned.filter((s) => !s.isBreak).length;

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setNotice(null);
    try {
      await api.post(`/api/events/${event.id}/slots`, { slots: planned });
      setNotice(t('setup.slotsAdded', { count: meetingCount, day: eventDay(plan.day) }));
      slots.reload();
    } catch (reason) {
      setError(reason as ApiError);
    }
  };

  const days = new Map<string, Slot[]>();
  for (const slot of slots.data ?? []) {
    const key = dayKey(slot.startsAt, event.timeZone);
    days.set(key, [...(days.get(key) ?? []), slot]);
  }

  return (
    <section className="card" aria-labelledby="slots-title">
      <h2 id="slots-title">{t('setup.slotsTitle')}</h2>
      {!slots.data ? <Loading /> : slots.data.length === 0 ? <p>{t('setup.noSlots')}</p> : null}
      {[...days.entries()].map(([key, list]) => (
        <details key={key} className="slot-day">
          <summary>
            {dayName(list[0]!.startsAt, event.timeZone)}: {t('setup.slotCount', { count: list.filter((s) => !s.isBreak).length })}
          </summary>
          <ul className="slot-list">
            {list.map((slot) => (
              <li key={slot.id} className={slot.isBreak ? 'slot-break' : undefined}>
                <span className="time" dir="ltr">
                  {timeRange(slot.startsAt, slot.endsAt, event.timeZone)}
                </span>{' '}
                {slot.isBreak ? slot.label : slot.session ? <span className="hint">{slot.session}</span> : null}
              </li>
            ))}
          </ul>
        </details>
      ))}

      <form className="form add-slots" onSubmit={add}>
        <fieldset>
          <legend>{t('setup.addSlots')}</legend>
          <div className="field-row">
            {event.days.length ? (
              <SelectField label={t('setup.day')} value={plan.day} onChange={set('day')}>
                {event.days.map((day) => (
                  <option key={day} value={day}>
                    {eventDay(day)}
                  </option>
                ))}
              </SelectField>
            ) : null}
            <TextField label={t('setup.from', { zone: event.timeZone })} type="time" value={plan.from} onChange={set('from')} required />
            <TextField label={t('setup.to')} type="time" value={plan.to} onChange={set('to')} required />
            <TextField label={t('setup.minutes')} type="number" min={5} max={240} value={plan.minutes} onChange={set('minutes')} required />
          </div>
          <div className="field-row">
            <TextField label={t('setup.breakFrom')} type="time" value={plan.breakFrom} onChange={set('breakFrom')} />
            <TextField label={t('setup.breakTo')} type="time" value={plan.breakTo} onChange={set('breakTo')} />
            <TextField label={t('setup.breakLabel')} value={plan.breakLabel} onChange={set('breakLabel')} />
          </div>
          <p className="hint" role="status">
            {t('setup.slotPreview', { count: meetingCount })}
          </p>
          <Problem error={error} />
          <Notice>{notice}</Notice>
          <div className="buttons">
            <button type="submit" disabled={meetingCount === 0 || !plan.day}>
              {t('setup.addSlotsButton', { count: meetingCount })}
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
