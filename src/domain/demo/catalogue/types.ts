import type { PartnershipType, SizeBand } from '../../organisation';
import type { Sector } from '../../value-chain';
import type { Country } from '../cities';

/**
 * Something that changes hands along the value chain: a material, a product, a service or a
 * partnership. An organisation offers or requests products; a meeting is worth requesting when
 * one side requests what the other offers.
 */
export interface Product {
  id: string;
  /** Title of the marketplace item, in the words buyers and sellers use. */
  title: string;
  /** HS 2022 codes (6 digits); empty for services. */
  hsCodes: readonly string[];
  /** ISIC Rev.4 classes of the activity that supplies it. */
  isicCodes: readonly string[];
  /** Item texts when offered (one is picked). */
  offer: readonly string[];
  /** Item texts when requested (one is picked). */
  request: readonly string[];
  /** How such deals are usually done; items take one or two of these. */
  partnershipTypes: readonly PartnershipType[];
}

/** Per-language fragments an organisation's description is composed from. */
export interface DescriptionFragments {
  /**
   * English verb phrase completing "Based in <city>, <Name> …", e.g. "makes battery-grade LFP
   * cathode powder".
   */
  activity: readonly string[];
  /** English sentences about capacity, customers, certifications. */
  strengths: readonly string[];
  /** Chinese clause after "公司成立于…年，总部位于<city>，", e.g. "主要生产磷酸铁锂正极材料". */
  zhActivity?: string;
  zhStrengths?: readonly string[];
  /** Urdu verb phrase after "<year> سے <city> میں", e.g. "الیکٹرک رکشے تیار کر رہی ہے". */
  urActivity?: string;
  urStrengths?: readonly string[];
  /**
   * Why it came to the conference, when the sector-wide reason does not fit (an ore buyer is
   * not after Pakistan's battery market). One sentence per language.
   */
  ambition?: { en: string; zh?: string; ur?: string };
}

/**
 * A kind of organisation found at the conference (an "LFP cell maker in China", a "solar EPC
 * contractor in Pakistan"). Archetypes are per country because Chinese and Pakistani companies
 * in the same stage do different business with each other.
 */
export interface Archetype {
  id: string;
  country: Country;
  sector: Sector;
  /** What the users would call such a company. */
  label: string;
  /** Ids from VALUE_CHAIN_STAGES. */
  stages: readonly string[];
  isicCodes: readonly string[];
  /** Relative share among the organisations of its country at the event. */
  weight: number;
  cities: readonly string[];
  /** Product ids, most characteristic first: the first is always taken. */
  offers: readonly string[];
  requests: readonly string[];
  /** Trade words for the company name, e.g. "New Energy Technology", "Solar Solutions". */
  nameWords: readonly string[];
  /** Size bands and their weights; defaults per country apply when absent. */
  sizes?: readonly (readonly [SizeBand, number])[];
  /** Earliest founding year that is believable for this kind of company. */
  foundedFrom?: number;
  text: DescriptionFragments;
}
