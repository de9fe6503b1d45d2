import { useTranslation } from 'react-i18next';
import { Page } from '../components/page';
import { useEvent } from '../shell/event-context';
import { EventRules } from './event-rules';
import { SlotsSection } from './slots-section';
import { TablesSection } from './tables-section';

/** Setting up the event: its facts and rules, the day's slots and breaks, the tables. */
export function SetupPage() {
  const { t } = useTranslation();
  const { event, reloadEvent } = useEvent();
  return (
    <Page title={t('setup.title')}>
      <EventRules key={event.id} saved={reloadEvent} />
      <SlotsSection key={`slots-${event.days.join()}-${event.timeZone}`} />
      <TablesSection />
    </Page>
  );
}
