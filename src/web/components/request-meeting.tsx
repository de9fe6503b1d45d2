import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { MeetingRequest } from '../api/types';
import { useEvent } from '../shell/event-context';
import { Notice, Problem } from './feedback';
import { TextArea } from './fields';
import { RequestState } from './request-state';

const MAX_MESSAGE = 1000;

/** One click opens a short form to ask a delegate for a meeting, with an optional message. */
export function RequestMeeting({
  delegate,
  existing,
  onSent,
  draft = '',
}: {
  delegate: { id: string; name: string };
  existing: MeetingRequest | undefined;
  onSent(): void;
  /** A message to start from, which the sender can change. */
  draft?: string;
}) {
  const { t } = useTranslation();
  const { event } = useEvent();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState(draft);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState(false);

  if (existing && (existing.status === 'pending' || existing.status === 'accepted')) {
    return (
      <div className="request-meeting">
        <Notice>{sent ? t('request.sent', { name: delegate.name }) : null}</Notice>
        <RequestState request={existing} />
      </div>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/events/${event.id}/meeting-requests`, { toDelegateId: delegate.id, message: message.trim() || undefined });
      setSent(true);
      setOpen(false);
      onSent();
    } catch (reason) {
      setError(reason as ApiError);
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <div className="request-meeting">
        <button type="button" className="button-primary" onClick={() => setOpen(true)}>
          {t('request.open', { name: delegate.name })}
        </button>
      </div>
    );
  }
  return (
    <form className="request-meeting form" onSubmit={submit}>
      <TextArea
        label={t('request.message', { name: delegate.name })}
        hint={t('request.messageHint')}
        value={message}
        maxLength={MAX_MESSAGE}
        rows={4}
        dir="auto"
        onChange={(e) => setMessage(e.target.value)}
        autoFocus
      />
      <Problem error={error} />
      <div className="buttons">
        <button type="submit" className="button-primary" disabled={busy}>
          {t('request.send')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
