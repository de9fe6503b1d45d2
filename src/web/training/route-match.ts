import { matchPath } from '../router';

/**
 * The training pages anyone may open, signed in or not: e-mails link to a programme, to a
 * registration (by its secret) and to a certificate.
 */
export type TrainingRoute =
  | { page: 'programmes' }
  | { page: 'programme'; slug: string }
  | { page: 'registration'; token: string }
  | { page: 'certificate'; code: string | null };

export function trainingPage(pathname: string): TrainingRoute | null {
  if (matchPath('/programmes', pathname)) return { page: 'programmes' };
  const programme = matchPath('/programmes/:slug', pathname);
  if (programme) return { page: 'programme', slug: programme.slug! };
  const registration = matchPath('/registrations/:token', pathname);
  if (registration) return { page: 'registration', token: registration.token! };
  if (matchPath('/certificates', pathname)) return { page: 'certificate', code: null };
  const certificate = matchPath('/certificates/:code', pathname);
  if (certificate) return { page: 'certificate', code: certificate.code! };
  return null;
}
