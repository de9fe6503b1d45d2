import { eq } from 'drizzle-orm';
import { AppError, notFound, validation } from '../domain/errors';
import type { ItemKind, PartnershipType } from '../domain/organisation';
import { checkProfile, isPartnershipType, normaliseHsCode } from '../domain/profile-rules';
import type { Database } from '../storage/db';
import { marketplaceItems, organisations } from '../storage/schema';
import { knownCodes } from '../reference/known-codes';
import type { Actor } from './actor';
import { accessOrganisationForWrite, forgetOrganisationPage } from './organisations';

export interface ItemInput {
  kind: ItemKind;
  title: string;
  text?: string;
  partnershipTypes?: PartnershipType[];
  hsCodes?: string[];
  isicCodes?: string[];
}

export const MAX_ITEMS_PER_ORGANISATION = 50;

function checkItem(input: Partial<ItemInput>): Partial<ItemInput> {
  if (input.title !== undefined && (!input.title.trim() || input.title.length > 200)) throw validation('title', 'is required (at most 200 characters)');
  if (input.text !== undefined && input.text.length > 5000) throw validation('text', 'is longer than 5000 characters');
  for (const t of input.partnershipTypes ?? []) if (!isPartnershipType(t)) throw validation('partnershipTypes', `"${t}" is not a partnership type`);
  const hsCodes = input.hsCodes?.map(normaliseHsCode);
  const [problem] = checkProfile({ ...(hsCodes ? { hsCodes } : {}), ...(input.isicCodes ? { isicCodes: input.isicCodes } : {}) }, knownCodes());
  if (problem) throw new AppError('VALIDATION', `${problem.field}: ${problem.message}`, problem.field);
  return { ...input, ...(hsCodes ? { hsCodes } : {}) };
}

export async function postItem(db: Database, actor: Actor, organisationId: string, input: ItemInput) {
  const item = await db.transaction(async (tx) => {
    const { organisation } = await accessOrganisationForWrite(tx, actor, organisationId, 'item.write');
    const values = checkItem(input) as ItemInput;
    const existing = await tx.select({ id: marketplaceItems.id }).from(marketplaceItems).where(eq(marketplaceItems.organisationId, organisationId));
    if (existing.length >= MAX_ITEMS_PER_ORGANISATION) throw new AppError('LIMIT_REACHED', `an organisation can list at most ${MAX_ITEMS_PER_ORGANISATION} offers and requests`);
    const [item] = await tx
      .insert(marketplaceItems)
      .values({ ...values, text: values.text ?? '', eventId: organisation.eventId, organisationId, source: 'delegate' })
      .returning();
    await touchOrganisation(tx, organisationId);
    return item!;
  });
  forgetOrganisationPage(organisationId);
  return item;
}

/** Recommendations refresh organisations by `updated_at`; an item change is a profile change. */
async function touchOrganisation(tx: Parameters<Parameters<Database['transaction']>[0]>[0], organisationId: string) {
  await tx.update(organisations).set({ updatedAt: new Date() }).where(eq(organisations.id, organisationId));
  forgetOrganisationPage(organisationId);
}

async function itemForWrite(db: Parameters<Parameters<Database['transaction']>[0]>[0], actor: Actor, itemId: string) {
  const [item] = await db.select().from(marketplaceItems).where(eq(marketplaceItems.id, itemId));
  if (!item) throw notFound('Item');
  await accessOrganisationForWrite(db, actor, item.organisationId, 'item.write');
  return item;
}

export async function updateItem(db: Database, actor: Actor, itemId: string, input: Partial<ItemInput>) {
  const item = await db.transaction(async (tx) => {
    await itemForWrite(tx, actor, itemId);
    const [item] = await tx
      .update(marketplaceItems)
      .set({ ...checkItem(input), source: 'delegate', updatedAt: new Date() })
      .where(eq(marketplaceItems.id, itemId))
      .returning();
    await touchOrganisation(tx, item!.organisationId);
    return item!;
  });
  forgetOrganisationPage(item.organisationId);
  return item;
}

export async function deleteItem(db: Database, actor: Actor, itemId: string): Promise<void> {
  const organisationId = await db.transaction(async (tx) => {
    const item = await itemForWrite(tx, actor, itemId);
    await tx.delete(marketplaceItems).where(eq(marketplaceItems.id, itemId));
    await touchOrganisation(tx, item.organisationId);
    return item.organisationId;
  });
  forgetOrganisationPage(organisationId);
}
