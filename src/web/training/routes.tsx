import { matchPath } from '../router';
import { CertificatePage } from './certificate-page';
import { ProgrammePage } from './programme-page';
import { ProgrammesPage } from './programmes-page';
import { RegistrationPage } from './registration-page';

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

export function TrainingPage({ page }: { page: TrainingRoute }) {
  switch (page.page) {
    case 'programmes':
      return <ProgrammesPage />;
    case 'programme':
      return <ProgrammePage key={page.slug} slug={page.slug} />;
    case 'registration':
      return <RegistrationPage key={page.token} token={page.token} />;
    case 'certificate':
      return <CertificatePage key={page.code ?? ''} code={page.code} />;
  }
}
