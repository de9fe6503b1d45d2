/**
 * Why a partner is suggested, as structured data the web app and API can store and translate,
 * and as one short sentence in the delegate's language. Reasons are told from the point of
 * view of the organisation receiving the suggestion: "you" is it, "they" the suggested partner.
 * Item titles are quoted as their authors wrote them.
 */
import type { PartnershipType, UiLanguage } from '../organisation';
import { stageWords } from './stage-names';

export type MatchReason =
  /** They sell along the value chain to you: their stage feeds yours. */
  | { kind: 'supplies'; stageFrom: string; stageTo: string; hs?: string; theirItem?: string; yourItem?: string }
  /** You sell along the value chain to them. */
  | { kind: 'buys'; stageFrom: string; stageTo: string; hs?: string; theirItem?: string; yourItem?: string }
  /** Two steps apart on one chain (a cathode maker and a pack integrator). */
  | { kind: 'same_chain'; stageFrom: string; via: string; stageTo: string }
  /** What they offer answers one of your requests. */
  | { kind: 'offers_what_you_asked'; theirItem: string; yourItem: string; hs?: string }
  /** What you offer answers one of their requests. */
  | { kind: 'asks_for_what_you_offer'; theirItem: string; yourItem: string; hs?: string }
  | { kind: 'partnership'; types: PartnershipType[] }
  | { kind: 'shared_language'; languages: string[] }
  /** Like the organisations you already asked to meet. */
  | { kind: 'like_your_requests'; stage: string };

const PARTNERSHIP_WORDS: Record<PartnershipType, Record<UiLanguage, string>> = {
  supply: { en: 'supply deals', zh: '供货', ur: 'سپلائی' },
  distribution: { en: 'distribution', zh: '分销', ur: 'ڈسٹری بیوشن' },
  joint_venture: { en: 'a joint venture', zh: '合资', ur: 'مشترکہ منصوبہ' },
  technology_transfer: { en: 'technology transfer', zh: '技术转让', ur: 'ٹیکنالوجی کی منتقلی' },
  investment: { en: 'investment', zh: '投资', ur: 'سرمایہ کاری' },
  training: { en: 'training', zh: '培训', ur: 'تربیت' },
};

const LANGUAGE_NAMES: Record<string, Record<UiLanguage, string>> = {
  en: { en: 'English', zh: '英语', ur: 'انگریزی' },
  ur: { en: 'Urdu', zh: '乌尔都语', ur: 'اردو' },
  zh: { en: 'Chinese', zh: '中文', ur: 'چینی' },
  pa: { en: 'Punjabi', zh: '旁遮普语', ur: 'پنجابی' },
  ar: { en: 'Arabic', zh: '阿拉伯语', ur: 'عربی' },
  ru: { en: 'Russian', zh: '俄语', ur: 'روسی' },
};

function list(words: string[], lang: UiLanguage): string {
  if (lang === 'zh') return words.join('、');
  const and = lang === 'en' ? ' and ' : ' اور ';
  const comma = lang === 'en' ? ', ' : '، ';
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(comma)}${and}${words[words.length - 1]}`;
}

function hsNote(hs: string | undefined, lang: UiLanguage): string {
  if (!hs) return '';
  return lang === 'zh' ? `（HS ${hs}）` : ` (HS ${hs})`;
}

/**
 * Urdu sentences mix right-to-left text with Latin item names and codes; isolating each
 * inserted fragment keeps the sentence order intact in any renderer (Unicode bidi FSI…PDI).
 */
function isolate(text: string, lang: UiLanguage): string {
  return lang === 'ur' ? `\u2068${text}\u2069` : text;
}

/** One short sentence saying a reason in English, Urdu or Simplified Chinese. */
export function renderReason(reason: MatchReason, lang: UiLanguage): string {
  const q = (text: string): string => isolate(text, lang);
  switch (reason.kind) {
    case 'supplies':
    case 'buys': {
      const from = stageWords(reason.stageFrom, lang);
      const to = stageWords(reason.stageTo, lang);
      const they = reason.kind === 'supplies';
      const sellerItem = q((they ? reason.theirItem : reason.yourItem) ?? from.name);
      const buyerItem = q((they ? reason.yourItem : reason.theirItem) ?? to.name);
      const hs = hsNote(reason.hs, lang);
      if (lang === 'en') {
        return they
          ? `They ${from.verb} ${sellerItem}${hs}; you ${to.verb} ${buyerItem}.`
          : `You ${from.verb} ${sellerItem}${hs}; they ${to.verb} ${buyerItem}.`;
      }
      if (lang === 'zh') {
        return they
          ? `对方${from.verb}${sellerItem}${hs}；您${to.verb}${buyerItem}。`
          : `您${from.verb}${sellerItem}${hs}；对方${to.verb}${buyerItem}。`;
      }
      return they
        ? `وہ ${sellerItem}${hs} ${from.verb}؛ آپ ${buyerItem} ${to.verb}۔`
        : `آپ ${sellerItem}${hs} ${from.verb}؛ وہ ${buyerItem} ${to.verb}۔`;
    }
    case 'same_chain': {
      const [a, v, b] = [reason.stageFrom, reason.via, reason.stageTo].map((s) => stageWords(s, lang).label);
      if (lang === 'en') return `Same value chain: ${a} → ${v} → ${b}.`;
      if (lang === 'zh') return `同一价值链：${a} → ${v} → ${b}。`;
      return `ایک ہی ویلیو چین: ${a}، پھر ${v}، پھر ${b}۔`;
    }
    case 'offers_what_you_asked': {
      const hs = hsNote(reason.hs, lang);
      if (lang === 'en') return `They offer ${q(reason.theirItem)}${hs}, which you asked for (${q(reason.yourItem)}).`;
      if (lang === 'zh') return `对方提供${reason.theirItem}${hs}，正符合您的需求（${reason.yourItem}）。`;
      return `وہ ${q(reason.theirItem)}${hs} پیش کرتے ہیں، جس کی آپ کو تلاش ہے (${q(reason.yourItem)})۔`;
    }
    case 'asks_for_what_you_offer': {
      const hs = hsNote(reason.hs, lang);
      if (lang === 'en') return `They are looking for ${q(reason.theirItem)}; you offer ${q(reason.yourItem)}${hs}.`;
      if (lang === 'zh') return `对方在寻找${reason.theirItem}；您提供${reason.yourItem}${hs}。`;
      return `انہیں ${q(reason.theirItem)} کی تلاش ہے؛ آپ ${q(reason.yourItem)}${hs} پیش کرتے ہیں۔`;
    }
    case 'partnership': {
      const words = list(reason.types.map((t) => PARTNERSHIP_WORDS[t][lang]), lang);
      if (lang === 'en') return `You are both open to ${words}.`;
      if (lang === 'zh') return `双方都有意${words}合作。`;
      return `دونوں ${words} میں دلچسپی رکھتے ہیں۔`;
    }
    case 'shared_language': {
      const words = list(reason.languages.map((l) => LANGUAGE_NAMES[l]?.[lang] ?? l), lang);
      if (lang === 'en') return `You can talk in ${words}.`;
      if (lang === 'zh') return `双方可以用${words}交流。`;
      return `آپ ${words} میں بات کر سکتے ہیں۔`;
    }
    case 'like_your_requests': {
      const name = stageWords(reason.stage, lang).label;
      if (lang === 'en') return `Like the ${name} companies you asked to meet.`;
      if (lang === 'zh') return `与您已申请会见的${name}企业类似。`;
      return `ان ${name} کمپنیوں کی طرح جن سے آپ نے ملاقات کی درخواست کی۔`;
    }
  }
}
