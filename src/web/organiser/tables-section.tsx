import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { Table } from '../api/types';
import { useApi } from '../api/use-api';
import { Loading, Notice, Problem } from '../components/feedback';
import { TextField } from '../components/fields';
import { useEvent } from '../shell/event-context';

/** The event's tables, and many more in one go: "Table 151" … "Table 160", or video rooms. */
export function TablesSection() {
  const { t } = useTranslation();
  const { event } = useEvent();
  const tables = useApi<Table[]>(`/api/events/${event.id}/tables`);
  const [form, setForm] = useState({ prefix: 'Table', first: '', count: '10', seats: '4', link: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const first = Number(form.first || (tables.data?.length ?? 0) + 1);
  const count = Math.max(0, Math.min(2000, Math.floor(Number(form.count) || 0)));

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setNotice(null);
    const link = form.link.trim();
    try {
      await api.post(`/api/events/${event.id}/tables`, {
        tables: Array.from({ length: count }, (_, i) => ({
          name: `${form.prefix.trim()} ${first + i}`,
          capacity: Number(form.seats) || 2,
          // One video room per table: the link ends with the table's number.
          virtualLink: link ? `${link.replace(/\/$/, '')}/${first + i}` : null,
        })),
      });
      setNotice(t('setup.tablesAdded', { count, from: `${form.prefix.trim()} ${first}`, to: `${form.prefix.trim()} ${first + count - 1}` }));
      setForm({ ...form, first: '' });
      tables.reload();
    } catch (reason) {
      setError(reason as ApiError);
    }
  };

  const video = tables.data?.filter((table) => table.virtualLink).length ?? 0;
  return (
    <section className="card" aria-labelledby="tables-title">
      <h2 id="tables-title">{t('setup.tablesTitle')}</h2>
      {tables.data ? <p>{t('setup.tableCount', { count: tables.data.length, video })}</p> : <Loading />}
      <form className="form" onSubmit={add}>
        <fieldset>
          <legend>{t('setup.addTables')}</legend>
          <div className="field-row">
            <TextField label={t('setup.prefix')} value={form.prefix} onChange={set('prefix')} required />
            <TextField label={t('setup.firstNumber')} type="number" min={1} placeholder={String(first)} value={form.first} onChange={set('first')} />
            <TextField label={t('setup.howMany')} type="number" min={1} max={2000} value={form.count} onChange={set('count')} required />
            <TextField label={t('setup.seats')} type="number" min={2} max={50} value={form.seats} onChange={set('seats')} />
          </div>
          <TextField label={t('setup.videoLink')} hint={t('setup.videoLinkHint')} type="url" dir="ltr" placeholder="https://" value={form.link} onChange={set('link')} />
          <Problem error={error} />
          <Notice>{notice}</Notice>
          <div className="buttons">
            <button type="submit" disabled={count === 0 || !form.prefix.trim()}>
              {t('setup.addTablesButton', { count })}
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
