import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTENDANCES, DEAL_TYPES, MAX_OUTCOME_COMMENT } from '../../domain/outcomes';
import { api } from '../api/client';
import type { ApiError } from '../api/client';
import type { MyOutcome, ReportedOutcome } from '../api/types';
import { useApi } from '../api/use-api';
import { Loading, Notice, Problem, problemFor } from '../components/feedback';
import { SelectField, TextArea, TextField } from '../components/fields';
import { Page } from '../components/page';
import { countryName, personName } from '../names';
import { Link } from '../router';
import { useEvent } from '../shell/event-context';
import { dateTime, dayName, timeRange } from '../time';
import '../styles/reports.css';

/** Without a meeting there is no deal, only perhaps a promise to meet again (the API holds the same rule). */
const DEALS_WITHOUT_MEETING: readonly string[] = ['none', 'follow_up'];

interface Draft {
  attendance: string;
  dealType: string;
  value: string;
  comment: string;
}

function draftOf(outcome: MyOutcome['outcome']): Draft {
  return {
    attendance: outcome?.attendance ?? '',
    dealType: outcome?.dealType ?? 'none',
    value: outcome?.estimatedValueUsd === null || outcome?.estimatedValueUsd === undefined ? '' : String(outcome.estimatedValueUsd),
    comment: outcome?.comment ?? '',
  };
}

function OutcomeCard({ meeting, timeZone }: { meeting: MyOutcome; timeZone: string }) {
  const { t } = useTranslation();
  const { base } = useEvent();
  const headingId = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(meeting.outcome));
  const [saved, setSaved] = useState<MyOutcome['outcome']>(meeting.outcome);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const held = draft.attendance === 'held';
  const deals = held ? DEAL_TYPES : DEAL_TYPES.filter((deal) => DEALS_WITHOUT_MEETING.includes(deal));
  const other = meeting.counterpart;

  const change = (key: keyof Draft) => (e: { target: { value: string } }) => {
    const next = { ...draft, [key]: e.target.value };
    if (key === 'attendance' && next.attendance !== 'held') {
      if (!DEALS_WITHOUT_MEETING.includes(next.dealType)) next.dealType = 'none';
      next.value = '';
    }
    setDraft(next);
    setNotice(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setNotice(null);
    setSaving(true);
    try {
      const value = draft.value.trim();
      const outcome = await api.put<ReportedOutcome>(`/api/meetings/${meeting.meetingId}/outcome`, {
        attendance: draft.attendance,
        dealType: draft.dealType,
        estimatedValueUsd: held && value !== '' ? Number(value) : null,
        comment: draft.comment,
      });
      setSaved(outcome);
      setNotice(t('outcomes.saved'));
    } catch (reason) {
      setError(reason as ApiError);
    } finally {
      setSaving(false);
    }
  };

  return (
    <li>
      <form className="card form outcome-card" onSubmit={submit} aria-labelledby={headingId}>
        <h2 id={headingId}>
          <span dir="auto">{other.organisationName}</span>
        </h2>
        <p className="meta">
          {personName(other)} · {countryName(other.country)} ·{' '}
          {meeting.slot ? (
            <span dir="ltr">
              {dayName(meeting.slot.startsAt, timeZone)} {timeRange(meeting.slot.startsAt, meeting.slot.endsAt, timeZone)}
            </span>
          ) : (
            t('outcomes.noSlot')
          )}{' '}
          · <Link to={`${base}/organisations/${other.organisationId}`}>{t('outcomes.theirPage')}</Link>
        </p>
        <p className="outcome-state">
          {saved ? <span className="tag">{t('outcomes.reportedOn', { when: dateTime(saved.updatedAt) })}</span> : <span className="tag">{t('outcomes.notReported')}</span>}{' '}
          <span className="hint">{meeting.otherSideReported ? t('outcomes.otherReported') : t('outcomes.otherNotReported')}</span>
        </p>
        <SelectField label={t('outcomes.attendance')} value={draft.attendance} onChange={change('attendance')} required problem={problemFor(error, 'attendance')}>
          <option value="" disabled>
            {t('outcomes.choose')}
          </option>
          {ATTENDANCES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`outcomes.attendanceChoice.${choice}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('outcomes.dealType')} value={draft.dealType} onChange={change('dealType')} problem={problemFor(error, 'dealType')}>
          {deals.map((deal) => (
            <option key={deal} value={deal}>
              {t(`outcomes.deal.${deal}`)}
            </option>
          ))}
        </SelectField>
        {held ? (
          <TextField
            label={t('outcomes.value')}
            hint={t('outcomes.valueHint')}
            className="short"
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            dir="ltr"
            value={draft.value}
            onChange={change('value')}
            problem={problemFor(error, 'estimatedValueUsd')}
          />
        ) : null}
        <TextArea label={t('outcomes.comment')} hint={t('outcomes.commentHint')} maxLength={MAX_OUTCOME_COMMENT} rows={3} value={draft.comment} onChange={change('comment')} problem={problemFor(error, 'comment')} />
        <Problem error={error} />
        <Notice>{notice}</Notice>
        <div className="buttons">
          <button type="submit" className="button-primary" disabled={saving || draft.attendance === ''}>
            {saved ? t('outcomes.update') : t('outcomes.save')}
          </button>
        </div>
      </form>
    </li>
  );
}

/** The delegate's survey after the event: one card per meeting that has taken place. */
export function OutcomesPage() {
  const { t } = useTranslation();
  const { event, base } = useEvent();
  const meetings = useApi<MyOutcome[]>(`/api/events/${event.id}/outcomes/mine`);

  if (meetings.error) return <Problem error={meetings.error} />;
  if (!meetings.data) return <Loading />;
  const past = meetings.data.filter((meeting) => meeting.open);
  const later = meetings.data.length - past.length;
  const done = past.filter((meeting) => meeting.outcome).length;

  return (
    <Page title={t('outcomes.title')}>
      <p className="hint">{t('outcomes.intro')}</p>
      {past.length > 0 ? <p>{t('outcomes.progress', { done, count: past.length })}</p> : null}
      {meetings.data.length === 0 ? (
        <p>
          {t('outcomes.noMeetings')} <Link to={`${base}/agenda`}>{t('outcomes.toAgenda')}</Link>
        </p>
      ) : null}
      {past.length > 0 ? (
        <ul className="cards">
          {past.map((meeting) => (
            <OutcomeCard key={meeting.meetingId} meeting={meeting} timeZone={event.timeZone} />
          ))}
        </ul>
      ) : null}
      {later > 0 ? <p className="hint">{t('outcomes.later', { count: later })}</p> : null}
    </Page>
  );
}
