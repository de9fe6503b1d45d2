/**
 * Value-chain stages as delegates say them in English, Urdu and Chinese: a short name and the
 * verb for what organisations of that stage do ("assemble", "组装", "اسمبل کرتے ہیں").
 * Urdu verbs are the plural/polite present, which fits both "they" (وہ) and "you" (آپ).
 */
import type { UiLanguage } from '../organisation';

interface Said {
  /** What the stage's organisations work on, as the object of `verb`. */
  name: string;
  verb: string;
  /** The stage itself, for "same value chain: A → B" and "like the … companies". */
  label: string;
}

type StageWords = Record<UiLanguage, Said>;

const MAKE: Record<UiLanguage, string> = { en: 'make', zh: '生产', ur: 'بناتے ہیں' };

function made(en: string, zh: string, ur: string): StageWords {
  return {
    en: { name: en, verb: MAKE.en, label: en },
    zh: { name: zh, verb: MAKE.zh, label: zh },
    ur: { name: ur, verb: MAKE.ur, label: ur },
  };
}

/** [object, verb, label] in each language, for stages whose work is not making things. */
type Words = [string, string, string];

function done(en: Words, zh: Words, ur: Words): StageWords {
  const said = ([name, verb, label]: Words): Said => ({ name, verb, label });
  return { en: said(en), zh: said(zh), ur: said(ur) };
}

export const STAGE_WORDS: Record<string, StageWords> = {
  mining: done(['minerals and ores', 'mine', 'mining'], ['矿产', '开采', '采矿'], ['معدنیات', 'نکالتے ہیں', 'کان کنی']),
  refining: done(['battery chemicals', 'refine', 'refining'], ['电池化学品', '精炼', '精炼'], ['بیٹری کیمیکلز', 'ریفائن کرتے ہیں', 'ریفائننگ']),
  cathode_materials: made('cathode materials', '正极材料', 'کیتھوڈ میٹریل'),
  anode_materials: made('anode materials', '负极材料', 'اینوڈ میٹریل'),
  other_cell_components: made('electrolyte, separators and foils', '电解液、隔膜和箔材', 'الیکٹرولائٹ، سیپریٹر اور فوائل'),
  cells: made('battery cells', '电芯', 'بیٹری سیل'),
  packs: done(['battery packs', 'assemble', 'battery packs'], ['电池包', '组装', '电池包'], ['بیٹری پیک', 'اسمبل کرتے ہیں', 'بیٹری پیک']),
  ev_components: made('EV components', '电动车零部件', 'الیکٹرک گاڑیوں کے پرزے'),
  ev_assembly: done(['electric vehicles', 'assemble', 'EV assembly'], ['电动车', '组装', '整车组装'], ['الیکٹرک گاڑیاں', 'اسمبل کرتے ہیں', 'گاڑیوں کی اسمبلی']),
  sales_fleets: done(['electric vehicles', 'sell or run', 'dealers and fleets'], ['电动车', '销售或运营', '经销商和车队'], ['الیکٹرک گاڑیاں', 'فروخت کرتے یا چلاتے ہیں', 'ڈیلر اور فلیٹ']),
  stationary_storage: done(['battery storage systems', 'integrate', 'battery storage'], ['储能系统', '集成', '储能'], ['بیٹری اسٹوریج سسٹم', 'انٹیگریٹ کرتے ہیں', 'بیٹری اسٹوریج']),
  grid_power: done(['grid power', 'supply', 'power utilities'], ['电力', '供应', '电力公司'], ['بجلی', 'فراہم کرتے ہیں', 'بجلی کمپنیاں']),
  charging: done(['charging stations', 'run', 'EV charging'], ['充电站', '运营', '充电'], ['چارجنگ اسٹیشن', 'چلاتے ہیں', 'ای وی چارجنگ']),
  ev_users: done(['EV fleets', 'operate', 'EV users'], ['电动车队', '运营', '电动车用户'], ['الیکٹرک گاڑیوں کے فلیٹ', 'چلاتے ہیں', 'ای وی صارفین']),
  second_life: done(['used batteries', 'repurpose', 'second-life batteries'], ['退役电池', '梯次利用', '梯次利用'], ['استعمال شدہ بیٹریاں', 'دوبارہ کام میں لاتے ہیں', 'سیکنڈ لائف بیٹریاں']),
  recycling: done(['spent batteries', 'recycle', 'battery recycling'], ['废旧电池', '回收', '电池回收'], ['ناکارہ بیٹریاں', 'ری سائیکل کرتے ہیں', 'بیٹری ری سائیکلنگ']),
  polysilicon: made('polysilicon and wafers', '多晶硅和硅片', 'پولی سلیکون اور ویفر'),
  pv_cells: made('solar cells', '光伏电池片', 'سولر سیل'),
  pv_modules: made('solar panels', '光伏组件', 'سولر پینل'),
  inverters: made('inverters', '逆变器', 'انورٹر'),
  solar_epc: done(['solar systems', 'install', 'solar installation'], ['光伏系统', '安装', '光伏安装'], ['سولر سسٹم', 'نصب کرتے ہیں', 'سولر تنصیب']),
  basic_chemicals: made('basic chemicals', '基础化学品', 'بنیادی کیمیکلز'),
  specialty_chemicals: made('specialty chemicals', '精细化学品', 'اسپیشلٹی کیمیکلز'),
  fertilisers: made('fertilisers', '化肥', 'کھاد'),
  agrochemicals: made('crop protection products', '农药', 'زرعی ادویات'),
  agri_machinery: made('farm machinery', '农业机械', 'زرعی مشینری'),
  farming: done(['crops', 'grow', 'farming'], ['农作物', '种植', '种植业'], ['فصلیں', 'اگاتے ہیں', 'کاشتکاری']),
  agri_processing: done(['farm produce', 'process', 'food processing'], ['农产品', '加工', '农产品加工'], ['زرعی پیداوار', 'پراسیس کرتے ہیں', 'فوڈ پراسیسنگ']),
  agri_trade: done(['farm produce', 'trade', 'agri-food trade'], ['农产品', '经营', '农产品贸易'], ['زرعی اجناس', 'کی تجارت کرتے ہیں', 'زرعی تجارت']),
};

export function stageWords(stage: string, lang: UiLanguage): Said {
  return STAGE_WORDS[stage]?.[lang] ?? { name: stage, verb: MAKE[lang], label: stage };
}
