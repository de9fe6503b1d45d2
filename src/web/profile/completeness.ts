import type { Organisation } from '../api/types';

export type ProfilePart = 'sectors' | 'stages' | 'items' | 'partnerships';

/**
 * What a profile still lacks for matchmaking: recommendations and the directory filters work from
 * codes, stages, offers and requests, and partnership types, so an empty one is never suggested.
 */
export function missingProfileParts(organisation: Pick<Organisation, 'isicCodes' | 'hsCodes' | 'requestHsCodes' | 'stages' | 'items' | 'partnershipTypes'>): ProfilePart[] {
  const missing: ProfilePart[] = [];
  if (organisation.isicCodes.length + organisation.hsCodes.length + organisation.requestHsCodes.length === 0) missing.push('sectors');
  if (organisation.stages.length === 0) missing.push('stages');
  if (organisation.items.length === 0) missing.push('items');
  if (organisation.partnershipTypes.length === 0) missing.push('partnerships');
  return missing;
}
