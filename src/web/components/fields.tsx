import { useId } from 'react';
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

interface Labelled {
  label: string;
  hint?: string;
  /** A problem with this field from the API (its `field` matched), shown under it. */
  problem?: string | null;
}

function describedBy(hintId: string, problemId: string, hint?: string, problem?: string | null) {
  return [hint ? hintId : null, problem ? problemId : null].filter(Boolean).join(' ') || undefined;
}

function FieldFrame({ id, label, hint, problem, children }: Labelled & { id: string; children: ReactNode }) {
  return (
    <div className={problem ? 'field field-problem' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {problem ? (
        <p className="field-error" id={`${id}-problem`}>
          {problem}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({ label, hint, problem, ...input }: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} problem={problem}>
      <input id={id} aria-invalid={problem ? true : undefined} aria-describedby={describedBy(`${id}-hint`, `${id}-problem`, hint, problem)} {...input} />
    </FieldFrame>
  );
}

export function TextArea({ label, hint, problem, ...input }: Labelled & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} problem={problem}>
      <textarea id={id} aria-invalid={problem ? true : undefined} aria-describedby={describedBy(`${id}-hint`, `${id}-problem`, hint, problem)} {...input} />
    </FieldFrame>
  );
}

export function SelectField({ label, hint, problem, children, ...select }: Labelled & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} problem={problem}>
      <select id={id} aria-invalid={problem ? true : undefined} aria-describedby={describedBy(`${id}-hint`, `${id}-problem`, hint, problem)} {...select}>
        {children}
      </select>
    </FieldFrame>
  );
}

/** A set of checkboxes under one legend (stages, partnership types, languages). */
export function CheckboxGroup<T extends string>({
  legend,
  hint,
  options,
  selected,
  onChange,
}: {
  legend: string;
  hint?: string;
  options: { value: T; label: string }[];
  selected: readonly T[];
  onChange(next: T[]): void;
}) {
  const id = useId();
  return (
    <fieldset className="checkbox-group" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="checkbox-options">
        {options.map((option) => (
          <label key={option.value} className="checkbox">
            <input
              type="checkbox"
              checked={selected.includes(option.value)}
              onChange={(event) => onChange(event.target.checked ? [...selected, option.value] : selected.filter((v) => v !== option.value))}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
