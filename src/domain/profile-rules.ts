import { parseCountry } from './countries';
import { PARTNERSHIP_TYPES, SIZE_BANDS, UI_LANGUAGES } from './organisation';
import type { OrganisationProfile, PartnershipType, SizeBand } from './organisation';
import { isValueChainStage } from './value-chain';

/** Which codes exist; the caller supplies the shipped HS 2022 and ISIC Rev.4 tables. */
export interface KnownCodes {
  hs(code: string): boolean;
  isic(code: string): boolean;
}

export interface FieldProblem {
  field: keyof ProfileFields | 'email' | 'language' | 'firstName' | 'lastName';
  message: string;
}

type ProfileFields = Omit<OrganisationProfile, 'externalId'> & { requestHsCodes: string[] };

export const MAX_NAME_LENGTH = 200;
export const MAX_TEXT_LENGTH = 5_000;
export const MAX_CODES = 50;

const LANGUAGE_CODE = /^[a-z]{2,3}$/;
// Deliberately loose: the address is confirmed by the sign-in link that is sent to it.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

export function isUiLanguage(value: string): value is (typeof UI_LANGUAGES)[number] {
  return (UI_LANGUAGES as readonly string[]).includes(value);
}

export function isPartnershipType(value: string): value is PartnershipType {
  return (PARTNERSHIP_TYPES as readonly string[]).includes(value);
}

export function isSizeBand(value: string): value is SizeBand {
  return (SIZE_BANDS as readonly string[]).includes(value);
}

/** HS codes are written with or without dots (8507.60); we store the bare digits. */
export function normaliseHsCode(code: string): string {
  return code.replace(/[.\s]/g, '');
}

/** Checks a (partial) profile; returns every problem so a form or a spreadsheet row can show them all. */
export function checkProfile(profile: Partial<ProfileFields>, known: KnownCodes): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (profile.name !== undefined) {
    if (!profile.name.trim()) problems.push({ field: 'name', message: 'is required' });
    else if (profile.name.length > MAX_NAME_LENGTH) problems.push({ field: 'name', message: `is longer than ${MAX_NAME_LENGTH} characters` });
  }
  if (profile.country !== undefined && !parseCountry(profile.country)) {
    problems.push({ field: 'country', message: `"${profile.country}" is not a country` });
  }
  if (profile.city !== undefined && profile.city.length > MAX_NAME_LENGTH) {
    problems.push({ field: 'city', message: `is longer than ${MAX_NAME_LENGTH} characters` });
  }
  if (profile.description !== undefined && profile.description.length > MAX_TEXT_LENGTH) {
    problems.push({ field: 'description', message: `is longer than ${MAX_TEXT_LENGTH} characters` });
  }
  for (const field of ['hsCodes', 'requestHsCodes'] as const) {
    const codes = profile[field];
    if (!codes) continue;
    if (codes.length > MAX_CODES) problems.push({ field, message: `has more than ${MAX_CODES} codes` });
    for (const code of codes) {
      if (!known.hs(code)) problems.push({ field, message: `"${code}" is not an HS 2022 code` });
    }
  }
  if (profile.isicCodes) {
    if (profile.isicCodes.length > MAX_CODES) problems.push({ field: 'isicCodes', message: `has more than ${MAX_CODES} codes` });
    for (const code of profile.isicCodes) {
      if (!known.isic(code)) problems.push({ field: 'isicCodes', message: `"${code}" is not an ISIC Rev.4 code` });
    }
  }
  for (const stage of profile.stages ?? []) {
    if (!isValueChainStage(stage)) problems.push({ field: 'stages', message: `"${stage}" is not a value-chain stage` });
  }
  for (const type of profile.partnershipTypes ?? []) {
    if (!isPartnershipType(type)) {
      problems.push({ field: 'partnershipTypes', message: `"${type}" is not a partnership type (${PARTNERSHIP_TYPES.join(', ')})` });
    }
  }
  if (profile.sizeBand !== undefined && !isSizeBand(profile.sizeBand)) {
    problems.push({ field: 'sizeBand', message: `"${profile.sizeBand}" is not a size band (${SIZE_BANDS.join(', ')})` });
  }
  for (const language of profile.languages ?? []) {
    if (!LANGUAGE_CODE.test(language)) problems.push({ field: 'languages', message: `"${language}" is not a language code (e.g. en, ur, zh)` });
  }
  if (profile.website) {
    let ok = false;
    try {
      const url = new URL(profile.website);
      ok = url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      ok = false;
    }
    if (!ok) problems.push({ field: 'website', message: `"${profile.website}" is not a web address (https://…)` });
  }
  return problems;
}
