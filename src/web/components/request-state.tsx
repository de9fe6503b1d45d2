import { useTranslation } from 'react-i18next';
import type { MeetingRequest } from '../api/types';

/** A request's state in words, e.g. "Waiting for an answer" or "Accepted". */
export function RequestState({ request }: { request: Pick<MeetingRequest, 'status'> }) {
  const { t } = useTranslation();
  return <span className={`state state-${request.status}`}>{t(`requestStatus.${request.status}`)}</span>;
}
