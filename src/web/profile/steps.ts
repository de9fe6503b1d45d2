import type { ComponentType } from 'react';
import { OffersAndRequests } from './offers-and-requests';
import { OrganisationDetails } from './organisation-details';
import { PartnershipsAndLanguages } from './partnerships-and-languages';
import type { SectionProps } from './section-form';
import { SectorsAndProducts } from './sectors-and-products';
import { ValueChain } from './value-chain';

/** The profile's sections, in the order the first-run wizard walks through them. */
export const PROFILE_SECTIONS: { key: string; Section: ComponentType<SectionProps> }[] = [
  { key: 'organisation', Section: OrganisationDetails },
  { key: 'sectors', Section: SectorsAndProducts },
  { key: 'stages', Section: ValueChain },
  { key: 'items', Section: OffersAndRequests },
  { key: 'partnerships', Section: PartnershipsAndLanguages },
];
