import type { SizeBand, UiLanguage } from '../organisation';
import type { Country } from './cities';
import type { GeneratedOrganisation } from './organisations';
import { delegationRoles, personName } from './people';
import type { SeededRandom } from './random';
import type { DemoDelegate } from './types';

/**
 * Delegation sizes by company size: 1–5 people, typically 2–3, which gives about 2,500
 * delegates for 900 organisations as at the real conference (FACTS [57]).
 */
const DELEGATION_SIZES: Record<SizeBand, readonly (readonly [number, number])[]> = {
  micro: [[1, 50], [2, 40], [3, 10]],
  small: [[1, 15], [2, 45], [3, 30], [4, 10]],
  medium: [[1, 5], [2, 30], [3, 40], [4, 18], [5, 7]],
  large: [[2, 15], [3, 35], [4, 30], [5, 20]],
};

function emailLocalPart(firstName: string, lastName: string): string {
  return `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '');
}

/**
 * Most Chinese delegates prefer Chinese; some Pakistani delegates prefer Urdu, more so in
 * organisations that describe themselves in Urdu.
 */
function preferredLanguage(rng: SeededRandom, country: Country, organisationLanguages: readonly string[]): UiLanguage {
  if (country === 'CN') return rng.chance(0.85) ? 'zh' : 'en';
  const urduFirst = organisationLanguages[0] === 'ur';
  return rng.chance(urduFirst ? 0.6 : 0.2) ? 'ur' : 'en';
}

export function generateDelegates(rng: SeededRandom, organisations: readonly GeneratedOrganisation[]): DemoDelegate[][] {
  const emails = new Set<string>();
  let number = 0;
  return organisations.map((generated) => {
    const { organisation, country, slug } = generated;
    const count = generated.isShowcase ? 3 : rng.weighted(DELEGATION_SIZES[organisation.sizeBand]);
    const roles = delegationRoles(rng, country, count);
    const names = new Set<string>();
    return roles.map((role) => {
      let person = personName(rng, country, organisation.city);
      // Two colleagues with the same name would confuse the agenda.
      while (names.has(`${person.firstName} ${person.lastName}`)) person = personName(rng, country, organisation.city);
      names.add(`${person.firstName} ${person.lastName}`);
      const local = emailLocalPart(person.firstName, person.lastName);
      let email = `${local}@${slug}.example`;
      for (let n = 2; emails.has(email); n++) email = `${local}${n}@${slug}.example`;
      emails.add(email);
      number++;
      return {
        externalId: `DEL-${String(number).padStart(5, '0')}`,
        organisationExternalId: organisation.externalId,
        firstName: person.firstName,
        lastName: person.lastName,
        role,
        email,
        language: preferredLanguage(rng, country, organisation.languages),
      };
    });
  });
}
