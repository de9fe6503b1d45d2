import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agenda, Agendas } from '../api/types';
import { useApi } from '../api/use-api';
import { Loading, Problem } from '../components/feedback';
import { SelectField } from '../components/fields';
import { CountryFilter } from '../components/filter-fields';
import { Page } from '../components/page';
import { countryName, personName } from '../names';
import { useEvent } from '../shell/event-context';
import { dayKey, dayName, timeRange } from '../time';
import './agendas-page.css';

function DelegateAgenda({ agenda, eventName, timeZone }: { agenda: Agenda; eventName: string; timeZone: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { delegate } = agenda;
  const days = new Map<string, Agenda['meetings']>();
  for (const meeting of agenda.meetings) {
    const key = dayKey(meeting.slot.startsAt, timeZone);
    days.set(key, [...(days.get(key) ?? []), meeting]);
  }
  return (
    <section className="card delegate-agenda" aria-labelledby={headingId}>
      <h2 id={headingId} dir="auto">
        {personName(delegate)}
      </h2>
      <p className="meta">
        {[delegate.jobTitle, delegate.organisationName, countryName(delegate.country)].filter(Boolean).join(' · ')}
      </p>
      <p className="meta">
        {eventName} · {t('agendas.timesIn', { zone: timeZone })}
      </p>
      {[...days.entries()].map(([key, meetings]) => (
        <div key={key}>
          <h3 className="agenda-day-name">{dayName(meetings[0]!.slot.startsAt, timeZone)}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('agendas.time')}</th>
                <th scope="col">{t('agendas.with')}</th>
                <th scope="col">{t('agendas.place')}</th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((meeting) => (
                <tr key={meeting.id}>
                  <td className="time" dir="ltr">
                    {timeRange(meeting.slot.startsAt, meeting.slot.endsAt, timeZone)}
                  </td>
                  <td>
                    <strong dir="auto">{personName(meeting.counterpart)}</strong>
                    <div className="meta">
                      {meeting.counterpart.organisationName} · {countryName(meeting.counterpart.country)}
                    </div>
                  </td>
                  <td>
                    {meeting.table ? (
                      <>
                        <span dir="auto">{meeting.table.name}</span>
                        {meeting.table.virtualLink ? (
                          <div className="meta" dir="ltr">
                            {meeting.table.virtualLink}
                          </div>
                        ) : null}
                      </>
                    ) : (
                      <span className="hint">{t('agenda.noTable')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

/**
 * Every delegate's agenda of the published schedule, one per printed page, to hand out at the
 * desk; narrowed to one organisation or country before printing.
 */
export function AgendasPage() {
  const { t } = useTranslation();
  const { event } = useEvent();
  const agendas = useApi<Agendas>(`/api/events/${event.id}/agendas`);
  const [organisationId, setOrganisationId] = useState('');
  const [country, setCountry] = useState('');

  const organisations = useMemo(() => {
    const names = new Map<string, string>();
    for (const agenda of agendas.data?.agendas ?? []) names.set(agenda.delegate.organisationId, agenda.delegate.organisationName);
    return [...names.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  }, [agendas.data]);
  const countries = useMemo(() => [...new Set((agendas.data?.agendas ?? []).map((a) => a.delegate.country))].sort(), [agendas.data]);

  if (agendas.error) return <Problem error={agendas.error} />;
  if (!agendas.data) return <Loading />;
  const shown = agendas.data.agendas.filter((a) => (!organisationId || a.delegate.organisationId === organisationId) && (!country || a.delegate.country === country));

  return (
    <Page
      title={t('agendas.title')}
      className="agendas-page"
      actions={
        <button type="button" onClick={() => window.print()} disabled={shown.length === 0}>
          {t('agenda.print')}
        </button>
      }
    >
      <p className="hint no-print">{t('agendas.intro', { zone: event.timeZone })}</p>
      {agendas.data.agendas.length === 0 ? (
        <p>{t('agendas.none')}</p>
      ) : (
        <>
          <div className="filters card no-print">
            <SelectField label={t('agendas.organisation')} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
              <option value="">{t('agendas.allOrganisations', { count: organisations.length })}</option>
              {organisations.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </SelectField>
            <CountryFilter label={t('directory.country')} countries={countries} value={country} onChange={(e) => setCountry(e.target.value)} />
          </div>
          <p className="result-count no-print" role="status">
            {shown.length === 0 ? t('agendas.noneMatch') : t('agendas.shown', { count: shown.length })}
          </p>
          <div className="agenda-sheets">
            {shown.map((agenda) => (
              <DelegateAgenda key={agenda.delegate.id} agenda={agenda} eventName={event.name} timeZone={event.timeZone} />
            ))}
          </div>
        </>
      )}
    </Page>
  );
}
