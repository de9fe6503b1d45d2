import type { Sector } from '../value-chain';
import type { Archetype } from './catalogue';
import { cityName, type Country } from './cities';
import type { SeededRandom } from './random';

/**
 * Organisation descriptions composed from an opening (what the company does, where, since
 * when), one strength of its archetype and often why it came to the conference. The "why"
 * depends on country and sector and cites the policies in FACTS.md.
 */

type Ambitions = Record<Country, Record<Sector, readonly string[]>>;

const AMBITIONS_EN: Ambitions = {
  PK: {
    battery: [
      'It came to the conference to find cell suppliers and a technology partner for local production.',
      'It wants Chinese partners to help it localise under the Battery Manufacturing Policy 2026–31.',
    ],
    ev: [
      'It wants Chinese suppliers that help it reach the 90% local-content target for 2/3-wheelers.',
      'It is preparing for the NEV Policy goal of 30% electric vehicle sales by 2030.',
    ],
    charging: [
      'It is looking for equipment, technology and investment partners in China.',
      'It wants partners for the charging network the NEV Policy plans along motorways and at fuel stations.',
    ],
    solar: [
      'It wants direct supply from manufacturers with warranty support in Pakistan.',
      'It is looking for storage partners as more customers add batteries to their solar.',
    ],
    chemicals: [
      'It is looking for raw materials, technology and buyers in China.',
      'It wants long-term supply and technology partners in China.',
    ],
    agriculture: [
      'It is here to find buyers in China and technology that saves water and diesel.',
      'It wants Chinese partners to modernise Pakistani farming and food exports.',
    ],
  },
  CN: {
    battery: [
      'It sees Pakistan as a growing market for storage and two-wheeler batteries and wants local partners.',
      'It wants a Pakistani partner for assembly or production under Pakistan’s new battery policy.',
    ],
    ev: [
      'It wants a Pakistani partner to serve the market opening up under the NEV Policy 2025–2030.',
      'It is looking for assembly and distribution partners in Pakistan.',
    ],
    charging: [
      'It wants local partners for Pakistan’s grid and charging roll-out.',
      'It is looking for agents and investors in Pakistan.',
    ],
    solar: [
      'It wants distributors and installers in Pakistan, one of the fastest-growing solar markets.',
      'Pakistan imported more than 16 GW of panels in 2024; it wants a larger share with local partners.',
    ],
    chemicals: [
      'It is looking for raw materials and distributors in Pakistan.',
      'It wants Pakistani partners for supply and distribution.',
    ],
    agriculture: [
      'It is looking for Pakistani dealers, growers and suppliers.',
      'It wants to build long-term trade with Pakistani partners.',
    ],
  },
};

const AMBITIONS_ZH: Record<Sector, readonly string[]> = {
  battery: ['公司看好巴基斯坦储能和两轮车电池市场，希望寻找当地合作伙伴。'],
  ev: ['公司希望借助巴基斯坦新能源汽车政策（2025–2030）寻找当地组装和经销伙伴。'],
  charging: ['公司希望在巴基斯坦寻找安装、场地和投资合作伙伴。'],
  solar: ['巴基斯坦是增长最快的光伏市场之一，公司希望发展当地经销商和安装商。'],
  chemicals: ['公司希望在巴基斯坦寻找原料供应商和分销伙伴。'],
  agriculture: ['公司希望与巴基斯坦经销商、种植户和供应商建立长期合作。'],
};

const AMBITIONS_UR: Record<Sector, readonly string[]> = {
  battery: ['کمپنی مقامی پیداوار کے لیے چینی سیل سپلائرز اور ٹیکنالوجی پارٹنر کی تلاش میں ہے۔'],
  ev: ['کمپنی دو اور تین پہیوں والی گاڑیوں میں نوے فیصد مقامی پرزوں کا ہدف حاصل کرنے کے لیے چینی شراکت دار چاہتی ہے۔'],
  charging: ['کمپنی چارجنگ نیٹ ورک کے لیے سامان اور سرمایہ کار شراکت داروں کی تلاش میں ہے۔'],
  solar: ['کمپنی مینوفیکچررز سے براہ راست خریداری اور پاکستان میں وارنٹی سپورٹ چاہتی ہے۔'],
  chemicals: ['کمپنی چین میں خام مال، ٹیکنالوجی اور خریداروں کی تلاش میں ہے۔'],
  agriculture: ['کمپنی چین میں خریدار اور پانی و ڈیزل بچانے والی ٹیکنالوجی تلاش کر رہی ہے۔'],
};

export type DescriptionLanguage = 'en' | 'zh' | 'ur';

export interface DescriptionInput {
  archetype: Archetype;
  shortName: string;
  city: string;
  founded: number;
}

/** Languages a description can be written in for this archetype. */
export function canDescribeIn(archetype: Archetype, language: DescriptionLanguage): boolean {
  if (language === 'zh') return archetype.text.zhActivity !== undefined;
  if (language === 'ur') return archetype.text.urActivity !== undefined;
  return true;
}

export function describeOrganisation(
  rng: SeededRandom,
  input: DescriptionInput,
  language: DescriptionLanguage,
): string {
  const { archetype, shortName, city, founded } = input;
  const text = archetype.text;
  const withAmbition = rng.chance(0.7);
  const own = text.ambition;
  if (language === 'zh' && text.zhActivity) {
    const strength = text.zhStrengths ? rng.pick(text.zhStrengths) : '';
    const ambition = withAmbition ? (own?.zh ?? rng.pick(AMBITIONS_ZH[archetype.sector])) : '';
    const opening = `公司成立于${founded}年，总部位于${cityName(city, 'zh')}，${text.zhActivity}。`;
    return `${opening}${strength}${ambition}`;
  }
  if (language === 'ur' && text.urActivity) {
    const strength = text.urStrengths ? rng.pick(text.urStrengths) : '';
    const ambition = withAmbition ? (own?.ur ?? rng.pick(AMBITIONS_UR[archetype.sector])) : '';
    return [`یہ کمپنی ${founded} سے ${cityName(city, 'ur')} میں ${text.urActivity}۔`, strength, ambition]
      .filter((part) => part !== '')
      .join(' ');
  }
  const activity = rng.pick(text.activity);
  const opening = rng.pick([
    `Based in ${city}, ${shortName} ${activity}.`,
    `Founded in ${founded} in ${city}, ${shortName} ${activity}.`,
    `${shortName}, based in ${city} since ${founded}, ${activity}.`,
  ]);
  const strength = rng.pick(text.strengths);
  const ambition = withAmbition ? (own?.en ?? rng.pick(AMBITIONS_EN[archetype.country][archetype.sector])) : '';
  return [opening, strength, ambition].filter((part) => part !== '').join(' ');
}
