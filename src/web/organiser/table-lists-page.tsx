import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting, Table } from '../api/types';
import { useApi } from '../api/use-api';
import { Loading, Problem } from '../components/feedback';
import { Page } from '../components/page';
import { personName } from '../names';
import { useEvent } from '../shell/event-context';
import { timeRange } from '../time';

type Placed = Meeting & { slot: NonNullable<Meeting['slot']>; table: NonNullable<Meeting['table']> };

function Party({ party }: { party: Meeting['a'] }) {
  return (
    <>
      <strong>{personName(party)}</strong>
      <div className="meta">{party.organisationName}</div>
    </>
  );
}

function TableList({ table, meetings, timeZone }: { table: Table; meetings: Placed[]; timeZone: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="card table-list" aria-labelledby={headingId}>
      <h2 id={headingId} dir="auto">
        {table.name}
      </h2>
      {table.virtualLink ? (
        <p className="meta" dir="ltr">
          {table.virtualLink}
        </p>
      ) : null}
      {meetings.length === 0 ? (
        <p className="hint">{t('tables.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('tables.time')}</th>
              <th scope="col">{t('tables.sideA')}</th>
              <th scope="col">{t('tables.sideB')}</th>
            </tr>
          </thead>
          <tbody>
            {meetings.map((meeting) => (
              <tr key={meeting.id}>
                <td className="time" dir="ltr">
                  {timeRange(meeting.slot.startsAt, meeting.slot.endsAt, timeZone)}
                </td>
                <td>
                  <Party party={meeting.a} />
                </td>
                <td>
                  <Party party={meeting.b} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** One printable list per table: who sits there when. Printing puts each table on its own page. */
export function TableListsPage() {
  const { t } = useTranslation();
  const { event } = useEvent();
  const selectId = useId();
  const tables = useApi<Table[]>(`/api/events/${event.id}/tables`);
  const meetings = useApi<Meeting[]>(`/api/events/${event.id}/meetings`);
  const [chosen, setChosen] = useState('');

  if (tables.error || meetings.error) return <Problem error={tables.error ?? meetings.error} />;
  if (!tables.data || !meetings.data) return <Loading />;
  const placed = meetings.data.filter((m): m is Placed => m.slot !== null && m.table !== null);
  const byTable = new Map<string, Placed[]>();
  for (const meeting of placed) byTable.set(meeting.table.id, [...(byTable.get(meeting.table.id) ?? []), meeting]);
  for (const list of byTable.values()) list.sort((x, y) => x.slot.startsAt.localeCompare(y.slot.startsAt));
  const shown = tables.data.filter((table) => !chosen || table.id === chosen);

  return (
    <Page
      title={t('tables.title')}
      actions={
        <button type="button" onClick={() => window.print()}>
          {t('tables.print')}
        </button>
      }
    >
      <p className="hint">{t('tables.intro', { zone: event.timeZone })}</p>
      <div className="field no-print short-field">
        <label htmlFor={selectId}>{t('tables.show')}</label>
        <select id={selectId} value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">{t('tables.all', { count: tables.data.length })}</option>
          {tables.data.map((table) => (
            <option key={table.id} value={table.id}>
              {table.name}
            </option>
          ))}
        </select>
      </div>
      {placed.length === 0 ? <p>{t('tables.nothingPlaced')}</p> : null}
      {shown.map((table) => (
        <TableList key={table.id} table={table} meetings={byTable.get(table.id) ?? []} timeZone={event.timeZone} />
      ))}
    </Page>
  );
}
