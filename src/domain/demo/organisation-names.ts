import type { SizeBand } from '../organisation';
import type { Country } from './cities';
import type { SeededRandom } from './random';

/**
 * Fictional company names. Pakistani names join an invented word to trade words and a legal
 * form ("Zarvani Auto Industries (Pvt) Ltd"); Chinese names follow the usual transliteration
 * "<City> <two-syllable brand> <business> Co., Ltd." with an invented brand. Brands that spell
 * a well-known real company are rejected so no demo profile can be mistaken for one.
 */

const PAKISTANI_HEADS = [
  'Zar', 'Nur', 'Raz', 'Sab', 'Fal', 'Dar', 'Ban', 'Kah', 'Tab', 'Zeb', 'Sar', 'Aft', 'Jal', 'Qas', 'Har',
  'Naz', 'Kam', 'Ruh', 'Gul', 'Bah', 'Sul', 'Waq', 'Yas', 'Anj', 'Mus', 'Fiz', 'Zoh', 'Sham', 'Rif', 'Tal',
];
const PAKISTANI_TAILS = [
  'vani', 'kon', 'taz', 'wan', 'lan', 'mir', 'dar', 'ish', 'oor', 'zan', 'rab', 'eel', 'ina', 'ora', 'esh',
  'val', 'nex', 'tek', 'ani', 'aab',
];
const CHINESE_HEADS = [
  'Heng', 'Xin', 'Jia', 'Rui', 'Hong', 'Tai', 'Yuan', 'Hua', 'Sheng', 'Kai', 'Feng', 'Jin', 'Bo', 'Hao', 'Teng',
  'Yu', 'Chang', 'Da', 'Zhong', 'Wei', 'Cheng', 'Guang', 'Ming', 'Run', 'Lan', 'Qi', 'Ying', 'Zhuo', 'An', 'Tian',
];
const CHINESE_TAILS = [
  'yuan', 'rui', 'tai', 'xin', 'hong', 'feng', 'sheng', 'yu', 'da', 'kang', 'hui', 'neng', 'chuang', 'yi', 'bang',
  'jie', 'long', 'tong', 'hua', 'chen', 'li', 'lan', 'ze', 'heng', 'yang', 'wei', 'rong', 'kun', 'fu', 'an',
];

/**
 * Brands of real companies in these industries (and a few household names) that the syllables
 * above could spell. Kept lower case, compared against the invented brand.
 */
export const REAL_BRANDS: readonly string[] = [
  // Pakistan
  'nishat', 'shahtaj', 'hubco', 'sazgar', 'dewan', 'attock', 'engro', 'fauji', 'lucky', 'atlas', 'millat',
  'ghandhara', 'indus', 'master', 'mehran', 'sapphire', 'sitara', 'ittehad', 'descon', 'fatima', 'dawood',
  'kohinoor', 'packages', 'pakarab', 'nimir', 'archroma', 'shan', 'jubilee', 'tariq', 'zaranite',
  // China
  'shidai', 'catl', 'byd', 'biyadi', 'guoxuan', 'gotion', 'yiwei', 'eve', 'calb', 'xinwangda', 'sunwoda',
  'ganfeng', 'tianqi', 'longji', 'longi', 'jingke', 'jinko', 'tianhe', 'trina', 'tongwei', 'xiexin', 'gcl',
  'yangguang', 'sungrow', 'huawei', 'gulong', 'growatt', 'deye', 'yadi', 'yadea', 'aima', 'tailing',
  'huaihai', 'zongshen', 'longxin', 'loncin', 'leiwo', 'lovol', 'futian', 'foton', 'yutong', 'jinlong',
  'qirui', 'chery', 'changan', 'jili', 'geely', 'hongri', 'honri', 'haina', 'wanhua', 'shanshan', 'putailai',
  'beiteri', 'tianci', 'tinci', 'xingyuan', 'enjie', 'bangpu', 'brunp', 'gelinmei', 'huayou', 'dangsheng',
  'rongbai', 'defang', 'zhengtai', 'chint', 'delixi', 'tebian', 'weichai', 'xingfa', 'xinyi', 'tianneng',
  'chaowei', 'lishen', 'haichen', 'ruipu', 'hengtong', 'zhongtian', 'haier', 'meidi', 'geli', 'xiaomi',
  'sanyi', 'xugong', 'zhonglian', 'jiangling', 'zhongke', 'kelu', 'xuji', 'tewei', 'tgood', 'teld', 'hengyi',
  'xinwei', 'jinlang', 'ginlong', 'guruiwa', 'goodwe', 'aishi', 'kehua', 'hengyuan', 'yingli', 'jinfeng',
  'mingyang', 'tianrun', 'yuneng', 'huaneng', 'zhongxin', 'guangda', 'zhongtai', 'xinhua', 'taikang', 'huaxin',
  'anbang', 'zhongan', 'xinda', 'huarong', 'guanghui', 'zhongyuan', 'hengli', 'shenghong', 'jinneng', 'yuanda',
  'dahua', 'xinyuan',
  // Chinese cities, which would read as a second place name after the city prefix.
  'taian', 'kaifeng', 'hengyang', 'anyang', 'xinyang', 'jinhua', 'danyang', 'jian',
];
const REAL = new Set(REAL_BRANDS);

const CHINESE_LEGAL_FORMS: Record<SizeBand, readonly string[]> = {
  micro: ['Co., Ltd.'],
  small: ['Co., Ltd.'],
  medium: ['Co., Ltd.'],
  large: ['Co., Ltd.', 'Group Co., Ltd.'],
};

export interface OrganisationName {
  /** Full legal name, e.g. "Changzhou Ruixin New Energy Technology Co., Ltd.". */
  name: string;
  /** How people say it in a sentence, e.g. "Ruixin New Energy Technology". */
  shortName: string;
  /** Unique lower-case slug for the website and e-mail domain. */
  slug: string;
}

function brand(rng: SeededRandom, country: Country): string {
  for (;;) {
    const head = rng.pick(country === 'PK' ? PAKISTANI_HEADS : CHINESE_HEADS);
    const tail = rng.pick(country === 'PK' ? PAKISTANI_TAILS : CHINESE_TAILS);
    // A repeated syllable ("Xinxin") reads as a typo in a company name.
    if (head.toLowerCase() === tail) continue;
    const candidate = head + tail;
    if (REAL.has(candidate.toLowerCase())) continue;
    return candidate;
  }
}

function pakistaniLegalForm(rng: SeededRandom, size: SizeBand, nameWord: string): string {
  if (/Traders|Enterprises|Farms|Growers/.test(nameWord) && size !== 'large') {
    return rng.pick(['', '', '& Co.']);
  }
  if (size === 'large') return rng.pick(['Limited', '(Pvt) Ltd']);
  if (size === 'micro') return rng.pick(['', '(Pvt) Ltd', '& Co.']);
  return '(Pvt) Ltd';
}

export function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
}

/** Keeps names and slugs unique across one generated event. */
export class OrganisationNamer {
  private readonly names = new Set<string>();
  private readonly slugs = new Set<string>();

  constructor(private readonly rng: SeededRandom) {}

  next(country: Country, city: string, size: SizeBand, nameWords: readonly string[]): OrganisationName {
    for (;;) {
      const word = this.rng.pick(nameWords);
      const invented = brand(this.rng, country);
      const shortName = `${invented} ${word}`;
      let name: string;
      if (country === 'PK') {
        name = `${shortName} ${pakistaniLegalForm(this.rng, size, word)}`.trim();
      } else {
        // Chinese registered names usually start with the city; exporters often drop it.
        const withCity = this.rng.chance(0.6);
        name = `${withCity ? `${city} ` : ''}${shortName} ${this.rng.pick(CHINESE_LEGAL_FORMS[size])}`;
      }
      if (this.names.has(name)) continue;
      this.names.add(name);
      return { name, shortName, slug: this.uniqueSlug(slugOf(shortName)) };
    }
  }

  private uniqueSlug(base: string): string {
    let slug = base;
    for (let n = 2; this.slugs.has(slug); n++) slug = `${base}-${n}`;
    this.slugs.add(slug);
    return slug;
  }
}
