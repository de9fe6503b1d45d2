import type { MarketplaceItemInput, OrganisationWithItems } from '../../../src/domain/organisation';

let counter = 0;

/** A fresh organisation with sensible defaults; offers/requests are item titles. */
export function buildOrganisation(
  fields: Partial<Omit<OrganisationWithItems, 'items'>> & {
    offers?: string[];
    requests?: string[];
    requestHsCodes?: string[];
    items?: MarketplaceItemInput[];
  } = {},
): OrganisationWithItems {
  counter += 1;
  const { offers = [], requests = [], requestHsCodes = [], items = [], ...profile } = fields;
  const hsCodes = profile.hsCodes ?? [];
  const partnershipTypes = profile.partnershipTypes ?? [];
  const item = (kind: 'offer' | 'request', title: string, codes: string[]): MarketplaceItemInput => ({
    kind,
    title,
    text: '',
    partnershipTypes,
    hsCodes: codes,
    isicCodes: profile.isicCodes ?? [],
  });
  return {
    id: `org-${counter}`,
    name: `Organisation ${counter}`,
    country: 'PK',
    city: 'Lahore',
    isicCodes: [],
    hsCodes,
    stages: [],
    sizeBand: 'small',
    description: '',
    languages: ['en'],
    partnershipTypes,
    ...profile,
    items: [...offers.map((t) => item('offer', t, hsCodes)), ...requests.map((t) => item('request', t, requestHsCodes)), ...items],
  };
}
