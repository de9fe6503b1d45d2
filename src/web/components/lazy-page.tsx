import { lazy } from 'react';
import type { ComponentType } from 'react';

/**
 * A page whose code is fetched the first time it is opened. Delegates on a phone at the venue
 * download only the delegate pages; the organiser's tools, the policy tracker and the training
 * pages come in their own files. `Main` shows a loading notice meanwhile.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- props are checked where the page is used
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] extends ComponentType<any> ? M[K] : never {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<unknown> })) as never;
}
