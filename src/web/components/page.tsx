import { Suspense, useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useLocation } from '../router';
import { Loading } from './feedback';

let firstPage = true;

/**
 * A page's heading and the document title. After an in-app navigation the heading takes the focus,
 * so screen readers announce the new page and keyboard users start from its top.
 */
export function Page({ title, actions, children, className }: { title: string; actions?: ReactNode; children: ReactNode; className?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();

  useEffect(() => {
    document.title = `${title} · Corridor`;
  }, [title]);

  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    heading.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <section className={className ? `page ${className}` : 'page'} aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title" ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions ? <div className="page-actions no-print">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

/** The page's main landmark; the skip link jumps here. */
export function Main({ children }: { children: ReactNode }) {
  return (
    <main id="main" tabIndex={-1}>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </main>
  );
}
