import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { viewOf } from '../api/request-view';
import type { Box, RequestView } from '../api/request-view';
import type { MeetingRequest } from '../api/types';
import { useApi } from '../api/use-api';
import { Loading, Notice, Problem } from '../components/feedback';
import { Page } from '../components/page';
import { RequestState } from '../components/request-state';
import { countryName, personName } from '../names';
import { Link, useLocation } from '../router';
import { useEvent } from '../shell/event-context';
import { dateTime } from '../time';

type Status = MeetingRequest['status'];
const STATUSES: Status[] = ['pending', 'accepted', 'declined', 'cancelled'];

function RequestCard({ request, view, onChanged }: { request: MeetingRequest; view: RequestView; onChanged(notice: string): void }) {
  const { t } = useTranslation();
  const { base } = useEvent();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { other, box } = view;
  const name = personName(other);

  const act = async (action: 'accept' | 'decline' | 'cancel') => {
    if (action === 'cancel' && request.status === 'accepted' && !window.confirm(t('inbox.confirmCancel', { name }))) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/meeting-requests/${request.id}/${action}`);
      onChanged(t(`inbox.done.${action}`, { name }));
    } catch (reason) {
      setError(reason as ApiError);
      setBusy(false);
    }
  };

  return (
    <li className="card request-card">
      <div className="request-head">
        <h2>
          {name}
          {other.jobTitle ? <span className="meta"> · {other.jobTitle}</span> : null}
        </h2>
        <RequestState request={request} />
      </div>
      <p className="meta">
        <Link to={`${base}/organisations/${other.organisationId}`}>{other.organisationName}</Link> · {countryName(other.country)}
      </p>
      {view.suggested ? <p className="tag">{t('inbox.suggested')}</p> : null}
      {view.suggested && request.status === 'pending' && view.myAnswer === 'accepted' ? <p>{t('inbox.youAcceptedWaiting', { name })}</p> : null}
      {request.message ? <blockquote className="message" dir="auto">
          {request.message}
        </blockquote> : null}
      <p className="hint">{t(view.suggested ? 'inbox.suggestedAt' : box === 'received' ? 'inbox.receivedAt' : 'inbox.sentAt', { when: dateTime(request.createdAt) })}</p>
      <Problem error={error} />
      <div className="buttons">
        {view.waitingForMe ? (
          <>
            <button type="button" className="button-primary" disabled={busy} onClick={() => act('accept')}>
              {t('inbox.accept')}
              <span className="visually-hidden"> {t('inbox.withName', { name })}</span>
            </button>
            <button type="button" disabled={busy} onClick={() => act('decline')}>
              {t('inbox.decline')}
              <span className="visually-hidden"> {t('inbox.withName', { name })}</span>
            </button>
          </>
        ) : null}
        {box === 'sent' && request.status === 'pending' ? (
          <button type="button" disabled={busy} onClick={() => act('cancel')}>
            {t('inbox.withdraw')}
            <span className="visually-hidden"> {t('inbox.withName', { name })}</span>
          </button>
        ) : null}
        {request.status === 'accepted' ? (
          <button type="button" className="button-danger" disabled={busy} onClick={() => act('cancel')}>
            {t('inbox.cancelMeeting')}
            <span className="visually-hidden"> {t('inbox.withName', { name })}</span>
          </button>
        ) : null}
      </div>
    </li>
  );
}

/** Meeting requests received and sent, with their counts by state, and the answers to give. */
export function InboxPage() {
  const { t } = useTranslation();
  const { event, base, delegateId, refreshCounts } = useEvent();
  const { search } = useLocation();
  const box: Box = search.get('box') === 'sent' ? 'sent' : 'received';
  const statusParam = search.get('status');
  const status = STATUSES.find((s) => s === statusParam);
  const requests = useApi<MeetingRequest[]>(`/api/events/${event.id}/meeting-requests?limit=1000`);
  const [notice, setNotice] = useState<string | null>(null);

  const all = (requests.data ?? []).map((request) => ({ request, view: viewOf(request, delegateId) }));
  const inBox = (b: Box) => all.filter(({ view }) => view.box === b);
  const shown = inBox(box).filter(({ request }) => !status || request.status === status);
  const count = (b: Box, s?: Status) => inBox(b).filter(({ request }) => !s || request.status === s).length;
  const waiting = all.filter(({ view }) => view.waitingForMe).length;
  const link = (b: Box, s?: Status) => `${base}/inbox?box=${b}${s ? `&status=${s}` : ''}`;

  const changed = (message: string) => {
    setNotice(message);
    requests.reload();
    refreshCounts();
  };

  return (
    <Page title={t('inbox.title')}>
      <nav className="tabs" aria-label={t('inbox.boxes')}>
        {(['received', 'sent'] as const).map((b) => (
          <Link key={b} to={link(b)} aria-current={b === box ? 'page' : undefined}>
            {t(`inbox.${b}`)} <span className="badge">{b === 'received' ? waiting : count(b)}</span>
            <span className="visually-hidden"> {t(b === 'received' ? 'inbox.waitingCount' : 'inbox.sentCount')}</span>
          </Link>
        ))}
      </nav>
      <ul className="status-filter" aria-label={t('inbox.byState')}>
        <li>
          <Link to={link(box)} aria-current={!status ? 'true' : undefined}>
            {t('inbox.all')} ({count(box)})
          </Link>
        </li>
        {STATUSES.map((s) => (
          <li key={s}>
            <Link to={link(box, s)} aria-current={status === s ? 'true' : undefined}>
              {t(`requestStatus.${s}`)} ({count(box, s)})
            </Link>
          </li>
        ))}
      </ul>
      <Notice>{notice}</Notice>
      <Problem error={requests.error} />
      {!requests.data ? (
        <Loading />
      ) : shown.length === 0 ? (
        <p>{t(box === 'received' ? 'inbox.noneReceived' : 'inbox.noneSent')}</p>
      ) : (
        <ul className="cards">
          {shown.map(({ request, view }) => (
            <RequestCard key={request.id} request={request} view={view} onChanged={changed} />
          ))}
        </ul>
      )}
    </Page>
  );
}
