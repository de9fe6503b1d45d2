import type { UiLanguage } from '../organisation';

/** Messages the product sends, in the recipient's language. Plain text: it survives every mail client. */
export interface MailContent {
  subject: string;
  text: string;
}

type Template<P> = Record<UiLanguage, (p: P) => MailContent>;

export const signInLinkMail: Template<{ name: string; link: string; minutes: number }> = {
  en: (p) => ({
    subject: 'Your Corridor sign-in link',
    text: `Hello ${p.name},\n\nOpen this link to sign in to Corridor (valid for ${p.minutes} minutes, once):\n${p.link}\n\nIf you did not ask for it, ignore this message.`,
  }),
  ur: (p) => ({
    subject: 'کوریڈور میں سائن ان کا لنک',
    text: `${p.name} صاحب/صاحبہ،\n\nکوریڈور میں سائن ان کے لیے یہ لنک کھولیں (${p.minutes} منٹ کے لیے، صرف ایک بار):\n${p.link}\n\nاگر آپ نے یہ درخواست نہیں کی تو اس پیغام کو نظر انداز کریں۔`,
  }),
  zh: (p) => ({
    subject: 'Corridor 登录链接',
    text: `${p.name}，您好：\n\n请打开以下链接登录 Corridor（${p.minutes} 分钟内有效，仅可使用一次）：\n${p.link}\n\n如果这不是您本人的操作，请忽略此邮件。`,
  }),
};

export const meetingRequestedMail: Template<{ name: string; from: string; organisation: string; message: string; link: string }> = {
  en: (p) => ({
    subject: `Meeting request from ${p.from} (${p.organisation})`,
    text: `Hello ${p.name},\n\n${p.from} of ${p.organisation} would like to meet you.\n\n${p.message ? `“${p.message}”\n\n` : ''}Accept or decline: ${p.link}`,
  }),
  ur: (p) => ({
    subject: `${p.from} (${p.organisation}) کی جانب سے ملاقات کی درخواست`,
    text: `${p.name} صاحب/صاحبہ،\n\n${p.organisation} کے ${p.from} آپ سے ملنا چاہتے ہیں۔\n\n${p.message ? `“${p.message}”\n\n` : ''}قبول یا مسترد کریں: ${p.link}`,
  }),
  zh: (p) => ({
    subject: `来自 ${p.from}（${p.organisation}）的会谈邀请`,
    text: `${p.name}，您好：\n\n${p.organisation} 的 ${p.from} 希望与您会谈。\n\n${p.message ? `“${p.message}”\n\n` : ''}接受或拒绝：${p.link}`,
  }),
};

export type ReplyKind = 'accepted' | 'declined' | 'cancelled';

const replyWords: Record<UiLanguage, Record<ReplyKind, string>> = {
  en: { accepted: 'accepted', declined: 'declined', cancelled: 'cancelled' },
  ur: { accepted: 'قبول کر لی', declined: 'مسترد کر دی', cancelled: 'منسوخ کر دی' },
  zh: { accepted: '已接受', declined: '已拒绝', cancelled: '已取消' },
};

export const meetingReplyMail: Template<{ name: string; other: string; organisation: string; reply: ReplyKind; link: string }> = {
  en: (p) => ({
    subject: `Meeting ${replyWords.en[p.reply]}: ${p.other} (${p.organisation})`,
    text: `Hello ${p.name},\n\nThe meeting between you and ${p.other} of ${p.organisation} was ${replyWords.en[p.reply]}.\n\nYour requests: ${p.link}`,
  }),
  ur: (p) => ({
    subject: `ملاقات: ${p.other} (${p.organisation})`,
    text: `${p.name} صاحب/صاحبہ،\n\n${p.organisation} کے ${p.other} کے ساتھ آپ کی ملاقات ${replyWords.ur[p.reply]} گئی۔\n\nآپ کی درخواستیں: ${p.link}`,
  }),
  zh: (p) => ({
    subject: `会谈${replyWords.zh[p.reply]}：${p.other}（${p.organisation}）`,
    text: `${p.name}，您好：\n\n您与 ${p.organisation} 的 ${p.other} 的会谈${replyWords.zh[p.reply]}。\n\n查看您的会谈请求：${p.link}`,
  }),
};

export function render<P>(template: Template<P>, language: string, params: P): MailContent {
  const lang: UiLanguage = language === 'ur' || language === 'zh' ? language : 'en';
  return template[lang](params);
}

export const scheduleChangedMail: Template<{ name: string; what: 'published' | 'changed'; count: number; link: string }> = {
  en: (p) => ({
    subject: p.what === 'published' ? 'Your meeting agenda is ready' : 'Your meeting agenda has changed',
    text: `Hello ${p.name},\n\n${p.what === 'published' ? `Your agenda with ${p.count} meeting(s) is published.` : `${p.count} of your meetings moved to another time or table.`}\n\nSee your agenda: ${p.link}`,
  }),
  ur: (p) => ({
    subject: p.what === 'published' ? 'آپ کی ملاقاتوں کا شیڈول تیار ہے' : 'آپ کی ملاقاتوں کا شیڈول بدل گیا ہے',
    text: `${p.name} صاحب/صاحبہ،\n\n${p.what === 'published' ? `آپ کی ${p.count} ملاقاتوں کا شیڈول شائع ہو گیا ہے۔` : `آپ کی ${p.count} ملاقاتوں کا وقت یا میز بدل گئی ہے۔`}\n\nاپنا شیڈول دیکھیں: ${p.link}`,
  }),
  zh: (p) => ({
    subject: p.what === 'published' ? '您的会谈日程已发布' : '您的会谈日程有变动',
    text: `${p.name}，您好：\n\n${p.what === 'published' ? `您的 ${p.count} 场会谈日程已发布。` : `您有 ${p.count} 场会谈的时间或桌号已调整。`}\n\n查看日程：${p.link}`,
  }),
};

export const meetingSuggestedMail: Template<{ name: string; other: string; organisation: string; reason: string; link: string }> = {
  en: (p) => ({
    subject: `Suggested meeting: ${p.organisation}`,
    text: `Hello ${p.name},\n\nThe organisers suggest you meet ${p.other} of ${p.organisation}.\n${p.reason ? `Why: ${p.reason}\n` : ''}\nThe meeting goes into both agendas when you both accept: ${p.link}`,
  }),
  ur: (p) => ({
    subject: `تجویز کردہ ملاقات: ${p.organisation}`,
    text: `${p.name} صاحب/صاحبہ،\n\nمنتظمین تجویز کرتے ہیں کہ آپ ${p.organisation} کے ${p.other} سے ملیں۔\n${p.reason ? `وجہ: ${p.reason}\n` : ''}\nدونوں کے قبول کرنے پر ملاقات شیڈول میں شامل ہو جائے گی: ${p.link}`,
  }),
  zh: (p) => ({
    subject: `推荐会谈：${p.organisation}`,
    text: `${p.name}，您好：\n\n主办方建议您与 ${p.organisation} 的 ${p.other} 会谈。\n${p.reason ? `理由：${p.reason}\n` : ''}\n双方都接受后，会谈将列入双方日程：${p.link}`,
  }),
};
