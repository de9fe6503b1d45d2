import { useTranslation } from 'react-i18next';
import type { Organisation } from '../api/types';
import { useApi } from '../api/use-api';
import { Loading, Problem } from '../components/feedback';
import { Page } from '../components/page';
import { Link } from '../router';
import { useEvent } from '../shell/event-context';
import { AboutYou } from './about-you';
import { PROFILE_SECTIONS } from './steps';

/** Every section of the profile on one page, each saved on its own. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { base, organisationId } = useEvent();
  const organisation = useApi<Organisation>(organisationId ? `/api/organisations/${organisationId}` : null);
  if (organisation.error) return <Problem error={organisation.error} />;
  if (!organisation.data) return <Loading />;
  return (
    <Page title={t('profile.title')} actions={<Link className="button" to={`${base}/organisations/${organisation.data.id}`}>{t('profile.viewPublic')}</Link>}>
      <AboutYou />
      {PROFILE_SECTIONS.map(({ key, Section }) => (
        <Section key={key} organisation={organisation.data!} reload={organisation.reload} />
      ))}
    </Page>
  );
}
