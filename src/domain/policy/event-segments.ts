import type { Segment } from './model';
import { SEGMENTS } from './model';

/** What the tracker needs of an organisation to tell which vehicle segments it serves. */
export interface OrganisationFootprint {
  stages: readonly string[];
  hsCodes: readonly string[];
  /** Description, offers and requests together, any language. */
  text: string;
}

export const SUPPLY_ROLES = ['cells', 'packs', 'ev_components', 'ev_assembly', 'charging', 'recycling', 'second_life'] as const;
export type SupplyRole = (typeof SUPPLY_ROLES)[number];

/**
 * Words that name each segment in English, Urdu and Chinese. Profiles rarely state a segment
 * outright, so mentions are the evidence; an HS heading settles it where it is specific.
 */
const SEGMENT_WORDS: Record<Segment, RegExp> = {
  two_wheeler: /motorcycle|motorbike|e-?bike|scooter|two[- ]wheeler|2w\b|موٹر ?سائیکل|اسکوٹر|电动自行车|电动摩托|两轮|二轮/i,
  three_wheeler: /rickshaw|three[- ]wheeler|3w\b|tricycle|loader|tuk|رکشہ|رکشا|لوڈر|三轮/i,
  car: /\bcars?\b|passenger vehicle|suv|hatchback|sedan|کار|乘用车|轿车/i,
  bus: /\bbus(es)?\b|coach|بس|公交|客车|大巴/i,
  truck: /truck|lorry|goods vehicle|ٹرک|卡车|货车|重卡/i,
};

const SEGMENT_HS: Partial<Record<Segment, RegExp>> = {
  two_wheeler: /^871160/,
  bus: /^870240/,
  truck: /^870460/,
};

/** The vehicle segments an organisation serves, judged from its codes and its own words. */
export function segmentsServed(organisation: OrganisationFootprint): Segment[] {
  return SEGMENTS.filter(
    (segment) =>
      organisation.hsCodes.some((code) => SEGMENT_HS[segment]?.test(code)) || SEGMENT_WORDS[segment].test(organisation.text),
  );
}

export interface SegmentCoverage {
  organisations: number;
  /** Per segment: organisations in each value-chain role that serve it. */
  bySegment: Record<Segment, Record<SupplyRole, number> & { total: number }>;
  /** Organisations per role, whatever segment. */
  byRole: Record<SupplyRole, number>;
}

/** Counts, for the tracker, how many of an event's organisations serve each segment and in which role. */
export function segmentCoverage(organisations: readonly OrganisationFootprint[]): SegmentCoverage {
  const emptyRoles = () => Object.fromEntries(SUPPLY_ROLES.map((r) => [r, 0])) as Record<SupplyRole, number>;
  const bySegment = Object.fromEntries(SEGMENTS.map((s) => [s, { ...emptyRoles(), total: 0 }])) as SegmentCoverage['bySegment'];
  const byRole = emptyRoles();
  for (const organisation of organisations) {
    const roles = SUPPLY_ROLES.filter((r) => organisation.stages.includes(r));
    for (const role of roles) byRole[role]++;
    for (const segment of segmentsServed(organisation)) {
      bySegment[segment].total++;
      for (const role of roles) bySegment[segment][role]++;
    }
  }
  return { organisations: organisations.length, bySegment, byRole };
}
