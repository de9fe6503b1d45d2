/** The shapes organisations, delegates and marketplace items take across the product. */

export const PARTNERSHIP_TYPES = [
  'supply',
  'distribution',
  'joint_venture',
  'technology_transfer',
  'investment',
  'training',
] as const;
export type PartnershipType = (typeof PARTNERSHIP_TYPES)[number];

export const SIZE_BANDS = ['micro', 'small', 'medium', 'large'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

/** Languages the product speaks; organisations may list others (ISO 639-1). */
export const UI_LANGUAGES = ['en', 'ur', 'zh'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const ITEM_KINDS = ['offer', 'request'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export interface MarketplaceItemInput {
  kind: ItemKind;
  title: string;
  text: string;
  partnershipTypes: PartnershipType[];
  hsCodes: string[];
  isicCodes: string[];
}

export interface OrganisationProfile {
  externalId?: string | null;
  name: string;
  /** ISO 3166-1 alpha-2, upper case (PK, CN, ...). */
  country: string;
  city: string;
  /** ISIC Rev.4 codes (class, group, division or section). */
  isicCodes: string[];
  /** HS 2022 codes (2, 4 or 6 digits) of what the organisation makes or offers. */
  hsCodes: string[];
  /** Ids from VALUE_CHAIN_STAGES. */
  stages: string[];
  sizeBand: SizeBand;
  website?: string | null;
  description: string;
  /** ISO 639-1 codes of languages the organisation works in. */
  languages: string[];
  partnershipTypes: PartnershipType[];
}

/** An organisation with its marketplace items, as matching and import see it. */
export interface OrganisationWithItems extends OrganisationProfile {
  id: string;
  items: MarketplaceItemInput[];
}
