import { useId, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import type { Organisation } from '../api/types';
import { Notice, Problem } from '../components/feedback';

/** What every profile section gets, whether shown alone (the editor) or as a wizard step. */
export interface SectionProps {
  organisation: Organisation;
  /** Loads the organisation again after a change. */
  reload(): void;
  /** In the wizard: on to the next step (absent in the editor). */
  next?: () => void;
  /** In the wizard: one step back (absent on the first step and in the editor). */
  back?: () => void;
}

export function SectionForm({
  title,
  intro,
  save,
  props,
  children,
}: {
  title: string;
  intro?: string;
  /** Stores the section; throws an ApiError when the API refuses. */
  save(): Promise<unknown>;
  props: SectionProps;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await save();
      props.reload();
      if (props.next) props.next();
      else setNotice(t('profile.saved'));
    } catch (reason) {
      setError(reason as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form profile-section" onSubmit={submit} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {intro ? <p className="hint">{intro}</p> : null}
      {children}
      <Problem error={error} />
      <Notice>{notice}</Notice>
      <div className="buttons">
        {props.back ? (
          <button type="button" onClick={props.back}>
            {t('wizard.back')}
          </button>
        ) : null}
        <button type="submit" className="button-primary" disabled={busy}>
          {props.next ? t('wizard.saveAndContinue') : t('profile.save')}
        </button>
      </div>
    </form>
  );
}
