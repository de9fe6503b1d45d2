import { useEffect, useState } from 'react';
import { api, query } from '../api/client';
import type { ReferenceCode } from '../api/types';

export type CodeSystem = 'hs' | 'isic';

// Titles of HS and ISIC codes never change; look each up once per page load.
const titles = new Map<string, Promise<string | null>>();

export function rememberCodeTitle(system: CodeSystem, entry: ReferenceCode): void {
  titles.set(`${system}:${entry.code}`, Promise.resolve(entry.description));
}

function lookUp(system: CodeSystem, code: string): Promise<string | null> {
  const key = `${system}:${code}`;
  let title = titles.get(key);
  if (!title) {
    title = api
      .get<ReferenceCode[]>(`/api/reference/codes/${system}${query({ q: code, limit: 5 })}`)
      .then((entries) => entries.find((e) => e.code === code)?.description ?? null)
      .catch(() => null);
    titles.set(key, title);
  }
  return title;
}

/** "8507 — Electric accumulators…": the code, and its official (English) title once known. */
export function CodeTitle({ system, code }: { system: CodeSystem; code: string }) {
  const [title, setTitle] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void lookUp(system, code).then((found) => live && setTitle(found));
    return () => {
      live = false;
    };
  }, [system, code]);
  return (
    <span className="code-title">
      <span className="code" dir="ltr">
        {code}
      </span>
      {title ? (
        <span lang="en" dir="ltr">
          {' '}
          {title}
        </span>
      ) : null}
    </span>
  );
}
