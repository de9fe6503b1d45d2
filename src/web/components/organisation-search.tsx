import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { query } from '../api/client';
import type { OrganisationPage } from '../api/types';
import { useApi } from '../api/use-api';
import { currentLocale } from '../i18n/i18n';
import { Link, navigate, useLocation } from '../router';

/**
 * The event's organisations, searched and filtered a page at a time. The filters live in the
 * address (`here?q=…&page=2`), so Back and shared links work; the form edits a draft that is
 * applied on submit.
 */
export function useOrganisationSearch<F extends string>(eventId: string, here: string, filters: readonly F[], pageSize: number) {
  const { search } = useLocation();
  const applied = Object.fromEntries(filters.map((name) => [name, search.get(name) ?? ''])) as Record<F, string>;
  const page = Math.max(1, Number(search.get('page')) || 1);
  const [draft, setDraft] = useState(applied);
  const appliedKey = filters.map((name) => applied[name]).join('\u0000');
  // When the address changes (Back, a link) the form shows what is applied; `applied` is a new
  // object on every render, so its joined values say when it really changed.
  useEffect(() => setDraft(applied), [appliedKey]);

  const results = useApi<OrganisationPage>(`/api/events/${eventId}/organisations${query({ ...applied, limit: pageSize, offset: (page - 1) * pageSize })}`);
  const total = results.data?.total ?? 0;
  return {
    applied,
    draft,
    filtered: filters.some((name) => applied[name]),
    set: (name: F) => (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value }),
    submit: (e: FormEvent) => {
      e.preventDefault();
      navigate(`${here}${query({ ...draft })}`);
    },
    results,
    paging: { page, pages: Math.max(1, Math.ceil(total / pageSize)), total, pageSize, link: (n: number) => `${here}${query({ ...applied, page: n > 1 ? n : undefined })}` },
  };
}

type Paging = ReturnType<typeof useOrganisationSearch>['paging'];

/** "Showing 21–40 of 913", or that nothing matches. */
export function ResultCount({ paging }: { paging: Paging }) {
  const { t } = useTranslation();
  const number = new Intl.NumberFormat(currentLocale());
  const { page, pageSize, total } = paging;
  return (
    <p className="result-count" role="status">
      {total === 0
        ? t('directory.none')
        : t('directory.showing', {
            from: number.format((page - 1) * pageSize + 1),
            to: number.format(Math.min(page * pageSize, total)),
            total: number.format(total),
            count: total,
          })}
    </p>
  );
}

export function Pager({ paging }: { paging: Paging }) {
  const { t } = useTranslation();
  const number = new Intl.NumberFormat(currentLocale());
  const { page, pages, link } = paging;
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('directory.pages')}>
      {page > 1 ? <Link to={link(page - 1)}>{t('directory.previous')}</Link> : <span />}
      <span>{t('directory.page', { page: number.format(page), pages: number.format(pages) })}</span>
      {page < pages ? <Link to={link(page + 1)}>{t('directory.next')}</Link> : <span />}
    </nav>
  );
}
