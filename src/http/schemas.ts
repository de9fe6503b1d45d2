import { z } from 'zod';
import { PARTNERSHIP_TYPES, SIZE_BANDS, UI_LANGUAGES } from '../domain/organisation';

/** Shared request pieces; limits here are the API's bounds on list and string lengths. */
export const uuid = z.uuid();
export const idParams = z.object({ id: uuid });
export const eventParams = z.object({ eventId: uuid });
export const shortText = z.string().max(200);
export const longText = z.string().max(5000);
export const codeList = z.array(z.string().max(12)).max(50);
export const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
export const language = z.enum(UI_LANGUAGES);
export const partnershipTypes = z.array(z.enum(PARTNERSHIP_TYPES)).max(6);
export const sizeBand = z.enum(SIZE_BANDS);
export const paging = {
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
};

export const profileUpdate = z.object({
  name: shortText.optional(),
  country: shortText.optional(),
  city: shortText.optional(),
  isicCodes: codeList.optional(),
  hsCodes: codeList.optional(),
  requestHsCodes: codeList.optional(),
  stages: z.array(z.string().max(40)).max(30).optional(),
  sizeBand: sizeBand.optional(),
  website: z.string().max(300).nullable().optional(),
  description: longText.optional(),
  languages: z.array(z.string().max(8)).max(20).optional(),
  partnershipTypes: partnershipTypes.optional(),
});
