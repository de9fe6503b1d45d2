import { useTranslation } from 'react-i18next';
import type { Organisation } from '../api/types';
import { useApi } from '../api/use-api';
import { Loading, Problem } from '../components/feedback';
import { Page } from '../components/page';
import { navigate, useLocation } from '../router';
import { useEvent } from '../shell/event-context';
import { PROFILE_SECTIONS } from './steps';

/** First run: the profile one section at a time; the step is in the address so Back and reload keep it. */
export function ProfileWizard() {
  const { t } = useTranslation();
  const { base, organisationId } = useEvent();
  const { search } = useLocation();
  const organisation = useApi<Organisation>(organisationId ? `/api/organisations/${organisationId}` : null);
  const step = Math.min(Math.max(Number(search.get('step')) || 1, 1), PROFILE_SECTIONS.length);
  const go = (n: number) => navigate(`${base}/profile/setup?step=${n}`);

  if (organisation.error) return <Problem error={organisation.error} />;
  if (!organisation.data) return <Loading />;
  const { key, Section } = PROFILE_SECTIONS[step - 1]!;
  const last = step === PROFILE_SECTIONS.length;

  return (
    <Page title={t('wizard.title')} className="narrow">
      <ol className="steps" aria-label={t('wizard.progress', { step, steps: PROFILE_SECTIONS.length })}>
        {PROFILE_SECTIONS.map((section, i) => (
          <li key={section.key} aria-current={i + 1 === step ? 'step' : undefined} className={i + 1 < step ? 'step-done' : undefined}>
            {t(`profile.sections.${section.key}`)}
          </li>
        ))}
      </ol>
      <p className="hint">{t('wizard.progress', { step, steps: PROFILE_SECTIONS.length })}</p>
      <Section
        key={key}
        organisation={organisation.data}
        reload={organisation.reload}
        next={() => (last ? navigate(base) : go(step + 1))}
        back={step > 1 ? () => go(step - 1) : undefined}
      />
    </Page>
  );
}
