import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { Notice, Problem, problemFor } from '../components/feedback';
import { TextArea, TextField } from '../components/fields';
import type { SectionProps } from './section-form';

type Kind = 'offer' | 'request';

/** What the organisation offers and looks for: each line is a marketplace item others search. */
export function OffersAndRequests(props: SectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const o = props.organisation;
  const [kind, setKind] = useState<Kind>('offer');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      setNotice(done);
      props.reload();
      return true;
    } catch (reason) {
      setError(reason as ApiError);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const added = await run(() => api.post(`/api/organisations/${o.id}/items`, { kind, title: title.trim(), text: text.trim() || undefined }), t('items.added', { title: title.trim() }));
    if (added) {
      setTitle('');
      setText('');
    }
  };

  return (
    <section className="card profile-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('profile.sections.items')}</h2>
      <p className="hint">{t('items.intro')}</p>
      {(['offer', 'request'] as const).map((k) => {
        const list = o.items.filter((item) => item.kind === k);
        return (
          <div key={k} className="item-list">
            <h3>{t(k === 'offer' ? 'organisation.offers' : 'organisation.requests')}</h3>
            {list.length === 0 ? <p className="hint">{t('organisation.noItems')}</p> : null}
            <ul className="plain">
              {list.map((item) => (
                <li key={item.id} className="item">
                  <div>
                    <strong dir="auto">{item.title}</strong>
                    {item.text ? <p dir="auto">{item.text}</p> : null}
                  </div>
                  <button type="button" className="button-quiet" disabled={busy} onClick={() => run(() => api.delete(`/api/items/${item.id}`), t('items.removed', { title: item.title }))}>
                    {t('items.remove')}
                    <span className="visually-hidden"> {item.title}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      <form className="form add-item" onSubmit={add}>
        <fieldset>
          <legend>{t('items.add')}</legend>
          <div className="radio-row" role="radiogroup" aria-label={t('items.kind')}>
            {(['offer', 'request'] as const).map((k) => (
              <label key={k} className="checkbox">
                <input type="radio" name={`${headingId}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
                <span>{t(`items.kinds.${k}`)}</span>
              </label>
            ))}
          </div>
          <TextField label={t('items.title')} hint={t('items.titleHint')} value={title} maxLength={200} dir="auto" onChange={(e) => setTitle(e.target.value)} required problem={problemFor(error, 'title')} />
          <TextArea label={t('items.text')} rows={3} maxLength={5000} dir="auto" value={text} onChange={(e) => setText(e.target.value)} />
          <div className="buttons">
            <button type="submit" disabled={busy || !title.trim()}>
              {t('items.addButton')}
            </button>
          </div>
        </fieldset>
      </form>
      <Problem error={error} />
      <Notice>{notice}</Notice>
      {props.next ? (
        <div className="buttons">
          {props.back ? (
            <button type="button" onClick={props.back}>
              {t('wizard.back')}
            </button>
          ) : null}
          <button type="button" className="button-primary" onClick={props.next}>
            {t('wizard.continue')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
