import {
  PARTNERSHIP_TYPES,
  type MarketplaceItemInput,
  type PartnershipType,
  type SizeBand,
} from '../organisation';
import {
  ARCHETYPES,
  OFFER_DEMAND_ABROAD,
  REQUEST_SUPPLY_ABROAD,
  archetypeById,
  productById,
  type Archetype,
} from './catalogue';
import { chinesePortOf, type Country } from './cities';
import { canDescribeIn, describeOrganisation, type DescriptionLanguage } from './descriptions';
import { OrganisationNamer } from './organisation-names';
import type { SeededRandom } from './random';
import type { DemoOrganisation } from './types';

/** The host's side is larger: the demo makes 60% of the organisations Pakistani. */
const PAKISTANI_SHARE = 0.6;

/**
 * The organisations behind the three demo logins: a Pakistani e-rickshaw assembler, a Chinese
 * LFP cell maker and a Pakistani solar EPC. They get every item of their archetype so the demo
 * shows full profiles.
 */
export const SHOWCASE_ARCHETYPES = ['pk_erickshaw', 'cn_lfp_cell', 'pk_solar_epc'] as const;

const DEFAULT_SIZES: Record<Country, readonly (readonly [SizeBand, number])[]> = {
  PK: [['micro', 1.5], ['small', 4], ['medium', 3], ['large', 1.5]],
  CN: [['small', 2], ['medium', 4], ['large', 3]],
};

/** How many offers or requests an organisation of each size lists: [min, max]. */
const ITEM_COUNTS: Record<SizeBand, readonly [number, number]> = {
  micro: [1, 1],
  small: [1, 2],
  medium: [1, 3],
  large: [2, 4],
};

/** Summed archetype weight abroad below which an organisation would find too few partners. */
const WIDE_ENOUGH = 10;

/** An organisation together with what the generator needs to pair it with others. */
export interface GeneratedOrganisation {
  organisation: DemoOrganisation;
  archetype: Archetype;
  country: Country;
  shortName: string;
  slug: string;
  offers: readonly string[];
  requests: readonly string[];
  isShowcase: boolean;
}

/**
 * Splits `total` over archetypes in proportion to their weights (largest remainder), then
 * makes sure each showcase archetype has an organisation.
 */
function allocate(total: number, country: Country): Map<Archetype, number> {
  const archetypes = ARCHETYPES.filter((a) => a.country === country);
  const weightSum = archetypes.reduce((sum, a) => sum + a.weight, 0);
  const exact = archetypes.map((a) => (total * a.weight) / weightSum);
  const counts = new Map<Archetype, number>();
  archetypes.forEach((a, i) => counts.set(a, Math.floor(exact[i] ?? 0)));
  let left = total - [...counts.values()].reduce((sum, n) => sum + n, 0);
  const byRemainder = archetypes
    .map((a, i) => ({ a, fraction: (exact[i] ?? 0) % 1 }))
    .sort((x, y) => y.fraction - x.fraction);
  for (const { a } of byRemainder) {
    if (left-- <= 0) break;
    counts.set(a, (counts.get(a) ?? 0) + 1);
  }
  for (const id of SHOWCASE_ARCHETYPES) {
    const showcase = archetypeById(id);
    if (showcase.country !== country || (counts.get(showcase) ?? 0) > 0) continue;
    const donors = [...counts.entries()].filter(([a]) => !(SHOWCASE_ARCHETYPES as readonly string[]).includes(a.id));
    if (donors.length === 0) continue;
    const largest = donors.reduce((best, entry) => (entry[1] > best[1] ? entry : best));
    if (largest[1] === 0) continue;
    counts.set(largest[0], largest[1] - 1);
    counts.set(showcase, 1);
  }
  return counts;
}

/** Picks `count` products, favouring those listed first (most characteristic). */
function pickProducts(rng: SeededRandom, list: readonly string[], count: number): string[] {
  const pool = list.slice();
  const picked: string[] = [];
  while (picked.length < count && pool.length > 0) {
    const index = rng.weightedIndex(pool.map((_, i) => 1 / (i + 1)));
    picked.push(...pool.splice(index, 1));
  }
  return picked;
}

/** Goods traded across the border often name the terms: FOB the seller's port, CIF the buyer's. */
function itemText(rng: SeededRandom, productId: string, kind: 'offer' | 'request', country: Country, city: string): string {
  const product = productById(productId);
  const base = rng.pick(kind === 'offer' ? product.offer : product.request);
  const abroad = (kind === 'offer' ? OFFER_DEMAND_ABROAD : REQUEST_SUPPLY_ABROAD)[country].get(productId) ?? 0;
  if (product.hsCodes.length === 0 || abroad === 0 || !rng.chance(0.4)) return base;
  if (country === 'PK') {
    return kind === 'offer' ? `${base} FOB Karachi.` : `${base} Delivery CIF ${rng.pick(['Karachi', 'Port Qasim'])}.`;
  }
  const port = chinesePortOf(city);
  if (port === null) return `${base} ${kind === 'offer' ? 'Delivered' : 'Delivery'} by road via the Khunjerab Pass.`;
  return kind === 'offer' ? `${base} FOB ${port}.` : `${base} Delivery CIF ${port}.`;
}

function item(
  rng: SeededRandom,
  productId: string,
  kind: 'offer' | 'request',
  country: Country,
  city: string,
): MarketplaceItemInput {
  const product = productById(productId);
  const [main, ...others] = product.partnershipTypes;
  const partnershipTypes: PartnershipType[] = main ? [main] : ['supply'];
  if (others.length > 0 && rng.chance(0.5)) partnershipTypes.push(rng.pick(others));
  return {
    kind,
    title: product.title,
    text: itemText(rng, productId, kind, country, city),
    partnershipTypes,
    hsCodes: [...product.hsCodes],
    isicCodes: [...product.isicCodes],
  };
}

function chooseLanguage(rng: SeededRandom, archetype: Archetype): DescriptionLanguage {
  // About 20% of Chinese and 10% of Pakistani profiles are written in the home language.
  if (archetype.country === 'CN' && canDescribeIn(archetype, 'zh') && rng.chance(0.2)) return 'zh';
  if (archetype.country === 'PK' && canDescribeIn(archetype, 'ur') && rng.chance(0.1)) return 'ur';
  return 'en';
}

function workingLanguages(rng: SeededRandom, country: Country, described: DescriptionLanguage): string[] {
  if (country === 'CN') return described === 'zh' ? ['zh', 'en'] : ['en', 'zh'];
  if (described === 'ur') return ['ur', 'en'];
  return rng.chance(0.5) ? ['en', 'ur'] : ['en'];
}

function buildOrganisation(
  rng: SeededRandom,
  namer: OrganisationNamer,
  archetype: Archetype,
  externalId: string,
  isShowcase: boolean,
): GeneratedOrganisation {
  const country = archetype.country;
  const city = rng.pick(archetype.cities);
  const size: SizeBand = isShowcase ? 'medium' : rng.weighted(archetype.sizes ?? DEFAULT_SIZES[country]);
  const { name, shortName, slug } = namer.next(country, city, size, archetype.nameWords);
  const founded = rng.int(archetype.foundedFrom ?? (country === 'CN' ? 1995 : 1985), 2023);

  const [low, high] = ITEM_COUNTS[size];
  let offers = isShowcase ? [...archetype.offers] : pickProducts(rng, archetype.offers, rng.int(low, high));
  let requests = isShowcase ? [...archetype.requests] : pickProducts(rng, archetype.requests, rng.int(low, high));
  // Every organisation came to meet the other country: make sure one item has enough
  // potential partners there.
  const reach = (p: string, side: 'offer' | 'request'): number =>
    (side === 'offer' ? OFFER_DEMAND_ABROAD : REQUEST_SUPPLY_ABROAD)[country].get(p) ?? 0;
  const best = Math.max(0, ...offers.map((p) => reach(p, 'offer')), ...requests.map((p) => reach(p, 'request')));
  if (best < WIDE_ENOUGH) {
    const widest = (list: readonly string[], side: 'offer' | 'request'): string | undefined =>
      list.slice().sort((a, b) => reach(b, side) - reach(a, side))[0];
    const request = widest(archetype.requests.filter((p) => !requests.includes(p)), 'request');
    const offer = widest(archetype.offers.filter((p) => !offers.includes(p)), 'offer');
    if (request && reach(request, 'request') >= (offer ? reach(offer, 'offer') : 0)) requests = [...requests, request];
    else if (offer) offers = [...offers, offer];
  }

  const items = [
    ...offers.map((p) => item(rng, p, 'offer', country, city)),
    ...requests.map((p) => item(rng, p, 'request', country, city)),
  ];
  const language = chooseLanguage(rng, archetype);
  const description = describeOrganisation(rng, { archetype, shortName, city, founded }, language);
  const used = new Set(items.flatMap((i) => i.partnershipTypes));
  const offeredHs = new Set(items.filter((i) => i.kind === 'offer').flatMap((i) => i.hsCodes));

  const organisation: DemoOrganisation = {
    externalId,
    name,
    country,
    city,
    isicCodes: [...archetype.isicCodes],
    hsCodes: [...offeredHs],
    stages: [...archetype.stages],
    sizeBand: size,
    website: `https://${slug}.example`,
    description,
    languages: workingLanguages(rng, country, language),
    partnershipTypes: PARTNERSHIP_TYPES.filter((t) => used.has(t)),
    items,
  };
  return { organisation, archetype, country, shortName, slug, offers, requests, isShowcase };
}

/** `total` organisations, about 60% Pakistani, in a seeded random order. */
export function generateOrganisations(rng: SeededRandom, total: number): GeneratedOrganisation[] {
  const pakistani = Math.round(total * PAKISTANI_SHARE);
  const slots: Archetype[] = [];
  for (const [country, count] of [['PK', pakistani], ['CN', total - pakistani]] as const) {
    for (const [archetype, n] of allocate(count, country)) {
      for (let i = 0; i < n; i++) slots.push(archetype);
    }
  }
  const order = rng.shuffle(slots);
  const namer = new OrganisationNamer(rng);
  const seen = new Set<string>();
  const numbers: Record<Country, number> = { PK: 0, CN: 0 };
  return order.map((archetype) => {
    const isShowcase = (SHOWCASE_ARCHETYPES as readonly string[]).includes(archetype.id) && !seen.has(archetype.id);
    seen.add(archetype.id);
    numbers[archetype.country]++;
    const externalId = `${archetype.country}-${String(numbers[archetype.country]).padStart(4, '0')}`;
    return buildOrganisation(rng, namer, archetype, externalId, isShowcase);
  });
}
