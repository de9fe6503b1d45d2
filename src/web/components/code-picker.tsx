import { useEffect, useId, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../api/client';
import type { ReferenceCode } from '../api/types';
import { CodeTitle, rememberCodeTitle } from './code-title';
import type { CodeSystem } from './code-title';

const RESULTS = 10;
const TYPING_PAUSE_MS = 200;

/**
 * Picks HS or ISIC codes by typing words or a code prefix: a combobox (ARIA 1.2 pattern) over the
 * API's search, with the chosen codes listed below, each removable.
 */
export function CodePicker({ system, label, hint, selected, onChange }: { system: CodeSystem; label: string; hint?: string; selected: string[]; onChange(next: string[]): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [results, setResults] = useState<ReferenceCode[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setResults([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .get<ReferenceCode[]>(`/api/reference/codes/${system}${query({ q, limit: RESULTS })}`, controller.signal)
        .then((found) => {
          found.forEach((entry) => rememberCodeTitle(system, entry));
          setResults(found);
          setActive(-1);
          setOpen(true);
        })
        .catch(() => {});
    }, TYPING_PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, system]);

  const choose = (entry: ReferenceCode | undefined) => {
    if (!entry) return;
    if (!selected.includes(entry.code)) onChange([...selected, entry.code]);
    setText('');
    setOpen(false);
  };

  const keys = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && results.length) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % results.length);
    } else if (event.key === 'ArrowUp' && results.length) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? results.length - 1 : i - 1));
    } else if (event.key === 'Enter' && text.trim()) {
      // Enter picks the highlighted code (or the best match); it never submits the surrounding
      // form while a search is typed, even before the results have arrived.
      event.preventDefault();
      if (open && results.length) choose(results[Math.max(active, 0)]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  const expanded = open && results.length > 0;
  return (
    <div className="field code-picker">
      <label htmlFor={`${id}-input`}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="combobox">
        <input
          id={`${id}-input`}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${id}-list`}
          aria-activedescendant={expanded && active >= 0 ? `${id}-option-${active}` : undefined}
          aria-describedby={hint ? `${id}-hint` : undefined}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={keys}
          onBlur={() => setOpen(false)}
          onFocus={() => results.length && setOpen(true)}
        />
        <ul id={`${id}-list`} role="listbox" aria-label={label} className="listbox" hidden={!expanded}>
          {results.map((entry, i) => (
            <li
              key={entry.code}
              id={`${id}-option-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'option option-active' : 'option'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(entry)}
            >
              <span className="code" dir="ltr">
                {entry.code}
              </span>{' '}
              <span lang="en" dir="ltr">
                {entry.description}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <p className="visually-hidden" role="status">
        {text.trim() && open ? t('codes.found', { count: results.length }) : ''}
      </p>
      {selected.length ? (
        <ul className="chosen-codes" aria-label={t('codes.chosen', { label })}>
          {selected.map((code) => (
            <li key={code}>
              <CodeTitle system={system} code={code} />
              <button type="button" className="button-quiet" onClick={() => onChange(selected.filter((c) => c !== code))}>
                {t('codes.remove')}
                <span className="visually-hidden"> {code}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('codes.noneChosen')}</p>
      )}
    </div>
  );
}
