import { lazy } from 'react';
import type { ComponentType } from 'react';

/**
 * A page whose code is fetched the first time it is opened. Delegates on a phone at the venue
 * download only the delegate pages; the organiser's tools, the policy tracker and the training
 * pages come in their own files. `Main` shows a loading notice meanwhile.
 */
export function lazyPage<M extends Record<K, ComponentType<never>>, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<object> })) as unknown as M[K];
}
