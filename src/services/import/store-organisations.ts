import { and, eq, inArray, sql } from 'drizzle-orm';
import type { RowError } from '../../domain/errors';
import type { ImportedDelegate, ImportedOrganisation } from '../../domain/import/organisation-rows';
import { rowsOf } from '../../storage/db';
import type { Database } from '../../storage/db';
import { delegates, marketplaceItems } from '../../storage/schema';

// JSON record sets carry arrays intact (unnest would flatten text[][]) and keep one statement per batch.
const BATCH = 2_000;


function chunks<T>(list: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export async function upsertOrganisations(tx: Tx, eventId: string, list: ImportedOrganisation[]) {
  const ids = new Map<string, string>();
  let created = 0;
  for (const batch of chunks(list)) {
    const json = JSON.stringify(
      batch.map((o) => ({
        external_id: o.externalId,
        name: o.name,
        country: o.country,
        city: o.city,
        isic_codes: o.isicCodes,
        hs_codes: o.hsCodes,
        request_hs_codes: o.requestHsCodes,
        stages: o.stages,
        size_band: o.sizeBand,
        website: o.website ?? null,
        description: o.description,
        languages: o.languages,
        partnership_types: o.partnershipTypes,
      })),
    );
    const result = await tx.execute(sql`
      insert into organisations (event_id, external_id, name, country, city, isic_codes, hs_codes, request_hs_codes,
        stages, size_band, website, description, languages, partnership_types)
      select ${eventId}::uuid, x.external_id, x.name, x.country, x.city, x.isic_codes, x.hs_codes, x.request_hs_codes,
        x.stages, x.size_band, x.website, x.description, x.languages, x.partnership_types
      from jsonb_to_recordset(${json}::jsonb) as x(external_id text, name text, country text, city text,
        isic_codes text[], hs_codes text[], request_hs_codes text[], stages text[], size_band text, website text,
        description text, languages text[], partnership_types text[])
      on conflict (event_id, external_id) do update set
        name = excluded.name, country = excluded.country, city = excluded.city, isic_codes = excluded.isic_codes,
        hs_codes = excluded.hs_codes, request_hs_codes = excluded.request_hs_codes, stages = excluded.stages,
        size_band = excluded.size_band, website = excluded.website, description = excluded.description,
        languages = excluded.languages, partnership_types = excluded.partnership_types, updated_at = now()
      returning id, external_id, (xmax = 0) as inserted`);
    for (const row of rowsOf<{ id: string; external_id: string; inserted: boolean }>(result)) {
      ids.set(row.external_id, row.id);
      if (row.inserted) created++;
    }
  }
  return { ids, created, updated: list.length - created };
}

export async function replaceImportedItems(tx: Tx, eventId: string, list: ImportedOrganisation[], ids: Map<string, string>) {
  const organisationIds = [...ids.values()];
  for (const batch of chunks(organisationIds)) {
    await tx.delete(marketplaceItems).where(and(inArray(marketplaceItems.organisationId, batch), eq(marketplaceItems.source, 'import')));
  }
  const items = list.flatMap((o) =>
    o.items.map((item) => ({
      organisation_id: ids.get(o.externalId)!,
      kind: item.kind,
      title: item.title,
      text: item.text,
      partnership_types: item.partnershipTypes,
      hs_codes: item.hsCodes,
      isic_codes: item.isicCodes,
    })),
  );
  for (const batch of chunks(items)) {
    await tx.execute(sql`
      insert into marketplace_items (event_id, organisation_id, kind, title, text, partnership_types, hs_codes, isic_codes, source)
      select ${eventId}::uuid, x.organisation_id, x.kind, x.title, x.text, x.partnership_types, x.hs_codes, x.isic_codes, 'import'
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(organisation_id uuid, kind text, title text, text text,
        partnership_types text[], hs_codes text[], isic_codes text[])`);
  }
  return items.length;
}

/** Finds e-mails that already belong to another delegate of the event, which would make the import ambiguous. */
export async function checkDelegateConflicts(tx: Tx, eventId: string, list: ImportedDelegate[]): Promise<RowError[]> {
  const errors: RowError[] = [];
  for (const batch of chunks(list)) {
    const existing = await tx
      .select({ externalId: delegates.externalId, email: delegates.email })
      .from(delegates)
      .where(and(eq(delegates.eventId, eventId), inArray(sql`lower(${delegates.email})`, batch.map((d) => d.email.toLowerCase()))));
    const byEmail = new Map(existing.map((d) => [d.email.toLowerCase(), d.externalId]));
    for (const d of batch) {
      const owner = byEmail.get(d.email.toLowerCase());
      if (owner !== undefined && owner !== d.externalId) {
        errors.push({ row: d.row, column: 'delegate_email', message: `"${d.email}" already belongs to ${owner ? `delegate "${owner}"` : 'a delegate who registered themselves'}` });
      }
    }
  }
  return errors;
}

export async function upsertDelegates(tx: Tx, eventId: string, list: ImportedDelegate[], organisationIds: Map<string, string>) {
  let created = 0;
  for (const batch of chunks(list)) {
    const json = JSON.stringify(
      batch.map((d) => ({
        external_id: d.externalId,
        organisation_id: organisationIds.get(d.organisationExternalId),
        first_name: d.firstName,
        last_name: d.lastName,
        job_title: d.jobTitle,
        email: d.email,
        language: d.language,
      })),
    );
    // Accounts without a password: delegates sign in with an e-mailed link.
    await tx.execute(sql`
      insert into users (email, name, role, language)
      select x.email, x.first_name || ' ' || x.last_name, 'delegate', x.language
      from jsonb_to_recordset(${json}::jsonb) as x(email text, first_name text, last_name text, language text)
      on conflict ((lower(email))) do nothing`);
    const result = await tx.execute(sql`
      insert into delegates (event_id, organisation_id, user_id, external_id, first_name, last_name, job_title, email, language)
      select ${eventId}::uuid, x.organisation_id, u.id, x.external_id, x.first_name, x.last_name, x.job_title, x.email, x.language
      from jsonb_to_recordset(${json}::jsonb) as x(external_id text, organisation_id uuid, first_name text, last_name text,
        job_title text, email text, language text)
      join users u on lower(u.email) = lower(x.email)
      on conflict (event_id, external_id) do update set
        organisation_id = excluded.organisation_id, user_id = excluded.user_id, first_name = excluded.first_name,
        last_name = excluded.last_name, job_title = excluded.job_title, email = excluded.email,
        language = excluded.language, updated_at = now()
      returning (xmax = 0) as inserted`);
    created += rowsOf<{ inserted: boolean }>(result).filter((r) => r.inserted).length;
  }
  return { created, updated: list.length - created };
}
