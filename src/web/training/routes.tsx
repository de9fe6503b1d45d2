import type { TrainingRoute } from './route-match';
import { CertificatePage } from './certificate-page';
import { ProgrammePage } from './programme-page';
import { ProgrammesPage } from './programmes-page';
import { RegistrationPage } from './registration-page';

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
