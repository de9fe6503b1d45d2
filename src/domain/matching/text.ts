/**
 * Turning free text in English, Urdu and Chinese into comparable word tokens.
 *
 * Delegates write offers and requests in whichever language they work in, often mixing
 * English trade terms into Urdu or Chinese. Everything goes through one path: Unicode
 * normalisation, Urdu letter folding, then one tokenizer per script run.
 */

const ARABIC_DIACRITICS = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const JOINERS = /[\u200C\u200D\u200E\u200F\u061C\uFEFF]/g;

/**
 * Folds the Arabic-script variants that Urdu text arrives in onto the standard Urdu letters.
 * Keyboards and converted PDFs often produce Arabic yeh/kaf/heh (U+064A, U+0643, U+0647)
 * where Urdu uses farsi yeh, keheh and heh goal; without folding the same word would
 * not match itself. Short vowels, tatweel and joiners carry no meaning for matching.
 */
export function normaliseUrdu(text: string): string {
  return text
    .normalize('NFC')
    .replace(JOINERS, '')
    .replace(ARABIC_DIACRITICS, '')
    .replace(/[\u064A\u0649]/g, '\u06CC')
    .replace(/\u0643/g, '\u06A9')
    .replace(/[\u0647\u06C0\u06C2\u06C3\u0629]/g, '\u06C1')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0624/g, '\u0648')
    .replace(/\u06D3/g, '\u06D2')
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u060C\u061B\u061F\u06D4]/g, ' ');
}

/** NFKC folds full-width Latin and digits that Chinese input methods produce ("ＬＦＰ" → "lfp"). */
export function normaliseText(text: string): string {
  return normaliseUrdu(text.normalize('NFKC').toLowerCase());
}

/** Words that say nothing about what a company does or needs in this kind of event. */
const ENGLISH_STOPWORDS = new Set(
  (
    'a an and are as at be by for from has have in into is it its of on or our the their them ' +
    'they this to we with you your us all any other such also more can will who which that ' +
    'etc per via new local based high low large small good best quality leading top ' +
    'looking seeking seek want wants need needs require requires required interested interest ' +
    'provide provides providing offer offers offering supply supplies supplying supplier suppliers ' +
    'partner partners partnership company companies firm firms ltd limited pvt co inc group ' +
    'corporation corp enterprise enterprises industry industries industrial product products ' +
    'service services solution solutions business market markets customer customers ' +
    'pakistan pakistani china chinese sino international global country countries ' +
    'including include includes range wide various full one two ' +
    'year years experience experienced established since capacity tons tonnes ' +
    // Units say how much, not what: "30 kW" in an inverter and in a charger are not a match.
    'kw kwh mw mwh gw gwh wh ah mah kv kva kvar mm cm km kg um µm nm pcs ton mt'
  ).split(' '),
);

const URDU_STOPWORDS = new Set(
  [
    'کے', 'کی', 'کا', 'کو', 'سے', 'میں', 'اور', 'ہے', 'ہیں', 'پر', 'یہ', 'وہ', 'ہم', 'ہمیں',
    'ہمارے', 'ہماری', 'ہمارا', 'لیے', 'لئے', 'کرتے', 'کرتی', 'کرنا', 'کرنے', 'والے', 'والی',
    'والا', 'ایک', 'بھی', 'تک', 'یا', 'جو', 'جس', 'نے', 'تھا', 'تھے', 'گا', 'گی', 'گے', 'ساتھ',
    'کمپنی', 'کمپنیوں', 'پاکستان', 'پاکستانی', 'چین', 'چینی', 'فراہم', 'تلاش', 'ضرورت',
    'شراکت', 'دار', 'پارٹنر', 'خواہاں', 'چاہتے', 'درکار',
    // Units, as in English: how much, not what.
    'وولٹ', 'واٹ', 'کلو', 'آور', 'ایکڑ', 'ٹن',
  ].map((w) => normaliseUrdu(w)),
);

const CHINESE_STOPWORDS = new Set([
  '的', '和', '与', '及', '或', '在', '是', '为', '对', '我们', '我', '公司', '有限公司', '集团',
  '提供', '寻找', '寻求', '需要', '希望', '合作', '伙伴', '合作伙伴', '中国', '巴基斯坦', '中巴',
  '产品', '服务', '企业', '主要', '以及', '等', '各类', '各种', '用于', '可', '了', '将', '从',
]);

/** Plurals the suffix rules below would get wrong. */
const IRREGULAR_PLURALS: Record<string, string> = { buses: 'bus', gases: 'gas', lenses: 'lens', biases: 'bias' };

/** A light English stemmer: enough to meet "batteries"/"battery" and "chargers"/"charger". */
export function stemEnglish(word: string): string {
  const irregular = IRREGULAR_PLURALS[word];
  if (irregular) return irregular;
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ing') && word.length > 6) return word.slice(0, -3);
  if (/(ss|us|is|ics)$/.test(word)) return word;
  if (word.endsWith('es') && /(ch|sh|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

const zhSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Chinese has no spaces: the ICU word segmenter finds the dictionary words, and runs of
 * single characters it could not join (电|动, 组|装) are rejoined as character bigrams so
 * that "电动" written by one delegate meets "电动" written by another.
 */
function chineseTokens(run: string, out: string[]): void {
  let singles: string[] = [];
  const flush = (): void => {
    for (let i = 0; i + 1 < singles.length; i += 1) out.push(`${singles[i]}${singles[i + 1]}`);
    singles = [];
  };
  for (const { segment, isWordLike } of zhSegmenter.segment(run)) {
    if (!isWordLike) {
      flush();
      continue;
    }
    if ([...segment].length === 1) {
      singles.push(segment);
      if (!CHINESE_STOPWORDS.has(segment)) out.push(segment);
      continue;
    }
    flush();
    if (!CHINESE_STOPWORDS.has(segment)) out.push(segment);
  }
  flush();
}

const SCRIPT_RUNS = /(\p{Script=Han}+)|(\p{Script=Arabic}+)|([\p{L}\p{N}]+(?:[.'][\p{L}\p{N}]+)*)/gu;

/** Tokens of a text in any of the product's languages, already normalised and stemmed. */
export function tokenise(text: string): string[] {
  const out: string[] = [];
  const normalised = normaliseText(text);
  for (const match of normalised.matchAll(SCRIPT_RUNS)) {
    const [, han, arabic, latin] = match;
    if (han) chineseTokens(han, out);
    else if (arabic) {
      if (!URDU_STOPWORDS.has(arabic) && [...arabic].length > 1) out.push(arabic);
    } else if (latin) {
      const word = latin.replace(/'/g, '');
      if (word.length < 2 || ENGLISH_STOPWORDS.has(word)) continue;
      if (/^[\d.]+$/.test(word)) continue;
      out.push(stemEnglish(word));
    }
  }
  return out;
}
