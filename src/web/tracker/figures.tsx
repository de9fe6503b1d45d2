import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n/i18n';
import type { SourceAnswer } from './types';

/**
 * Every figure on the tracker carries its sources. A source with an address links to it; one the
 * facts list names without an address links to its entry in the page's source list instead.
 */

export function sourceAnchor(source: Pick<SourceAnswer, 'ref' | 'citation'>): string {
  return `source-${`${source.ref} ${source.citation}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60)}`;
}

export const ASSUMPTIONS_ANCHOR = 'how-projected';

export function formatCount(n: number): string {
  return new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 0 }).format(Math.round(n));
}

export function formatShare(fraction: number): string {
  return new Intl.NumberFormat(currentLocale(), { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

/** A difference of two shares, in percentage points (0.102 → 10.2). */
export function formatPoints(fraction: number): string {
  return new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 1 }).format(fraction * 100);
}

export function formatGwh(gwh: number): string {
  return new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: gwh < 10 ? 2 : 1 }).format(gwh);
}

/** The figure's source markers, e.g. [1] [2], each a link. */
export function SourceLinks({ sources }: { sources: readonly SourceAnswer[] }) {
  const { t } = useTranslation();
  if (sources.length === 0) return null;
  return (
    <span className="source-links">
      {sources.map((source) => {
        const external = source.url !== null;
        return (
          <a
            key={`${source.ref}|${source.citation}`}
            className="source-link"
            href={source.url ?? `#${sourceAnchor(source)}`}
            {...(external ? { rel: 'noreferrer', target: '_blank' } : {})}
            title={source.citation}
            data-source-ref={source.ref}
          >
            {source.ref.startsWith('[') ? source.ref : `[${source.ref}]`}
            <span className="visually-hidden"> {t('tracker.sourceOf', { citation: source.citation })}</span>
          </a>
        );
      })}
    </span>
  );
}

/** A figure derived by the projection: its source is the method and assumptions section. */
export function ModelLink() {
  const { t } = useTranslation();
  return (
    <span className="source-links">
      <a className="source-link" href={`#${ASSUMPTIONS_ANCHOR}`}>
        {t('tracker.modelMark')}
        <span className="visually-hidden"> {t('tracker.modelSource')}</span>
      </a>
    </span>
  );
}

/** One labelled figure: a term, its value and where it comes from. */
export function Figure({
  id,
  label,
  value,
  sources,
  modelled = false,
  note,
}: {
  id?: string;
  label: string;
  value: string;
  sources?: readonly SourceAnswer[];
  modelled?: boolean;
  note?: string | null;
}) {
  return (
    <div className="tracker-figure" data-figure={id}>
      <dt>{label}</dt>
      <dd>
        <span className="figure-value">{value}</span> {modelled ? <ModelLink /> : <SourceLinks sources={sources ?? []} />}
        {note ? (
          <span className="figure-note" lang="en" dir="ltr">
            {note}
          </span>
        ) : null}
      </dd>
    </div>
  );
}
