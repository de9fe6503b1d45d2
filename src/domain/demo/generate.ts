import { generateDelegates } from './delegates';
import { generateMeetingRequests } from './meeting-requests';
import { generateOrganisations, SHOWCASE_ARCHETYPES } from './organisations';
import { DEMO_EVENT_INFO, demoSlots, demoTables } from './programme';
import { SeededRandom } from './random';
import type { DemoEvent, DemoEventOptions, DemoLogin } from './types';

export const DEFAULT_DEMO_SEED = 20250904;
/** FACTS [57]: about 900 enterprises took part in the real conference. */
export const DEFAULT_DEMO_ORGANISATIONS = 900;
/** The three showcase organisations need room: one Pakistani pair and one Chinese. */
const MIN_ORGANISATIONS = 3;

/**
 * The demo event loaded on an empty database: the same seed always gives the same event, down
 * to every name, e-mail and meeting request.
 */
export function generateDemoEvent(options: DemoEventOptions = {}): DemoEvent {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const count = Math.max(MIN_ORGANISATIONS, Math.floor(options.organisations ?? DEFAULT_DEMO_ORGANISATIONS));
  const rng = new SeededRandom(seed);

  const generated = generateOrganisations(rng, count);
  const delegatesByOrganisation = generateDelegates(rng, generated);
  const meetingRequests = generateMeetingRequests(rng, {
    organisations: generated,
    delegates: delegatesByOrganisation,
  });

  const logins: DemoLogin[] = [
    { role: 'organiser', email: 'organiser@pkcn-conference.example', name: 'Conference Organiser' },
  ];
  for (const id of SHOWCASE_ARCHETYPES) {
    const index = generated.findIndex((g) => g.isShowcase && g.archetype.id === id);
    const head = delegatesByOrganisation[index]?.[0];
    if (head) logins.push({ role: 'delegate', email: head.email, name: `${head.firstName} ${head.lastName}` });
  }

  return {
    event: { ...DEMO_EVENT_INFO, days: [...DEMO_EVENT_INFO.days] },
    slots: demoSlots(),
    tables: demoTables(),
    organisations: generated.map((g) => g.organisation),
    delegates: delegatesByOrganisation.flat(),
    meetingRequests,
    logins,
  };
}
