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
    text: `Hello ${p.name},\n\n${p.what === 'published' ? `Your agenda with ${p.count} meeting(s) is published.` : `${p.count} of your meetings moved to another time or table.`}\n\nSee your agenda: ${p.link}\nThe attached calendar file (agenda.ics) puts your meetings into your calendar; opening a newer one updates them.`,
  }),
  ur: (p) => ({
    subject: p.what === 'published' ? 'آپ کی ملاقاتوں کا شیڈول تیار ہے' : 'آپ کی ملاقاتوں کا شیڈول بدل گیا ہے',
    text: `${p.name} صاحب/صاحبہ،\n\n${p.what === 'published' ? `آپ کی ${p.count} ملاقاتوں کا شیڈول شائع ہو گیا ہے۔` : `آپ کی ${p.count} ملاقاتوں کا وقت یا میز بدل گئی ہے۔`}\n\nاپنا شیڈول دیکھیں: ${p.link}\nمنسلک کیلنڈر فائل (agenda.ics) آپ کی ملاقاتیں آپ کے کیلنڈر میں شامل کر دیتی ہے؛ نئی فائل کھولنے سے وہ اپ ڈیٹ ہو جاتی ہیں۔`,
  }),
  zh: (p) => ({
    subject: p.what === 'published' ? '您的会谈日程已发布' : '您的会谈日程有变动',
    text: `${p.name}，您好：\n\n${p.what === 'published' ? `您的 ${p.count} 场会谈日程已发布。` : `您有 ${p.count} 场会谈的时间或桌号已调整。`}\n\n查看日程：${p.link}\n附件中的日历文件（agenda.ics）可将会谈加入您的日历；打开更新后的文件即可同步变动。`,
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

/** A training session as e-mails list it: its times (already in the reader's language) and where to join. */
export interface SessionForMail {
  line: string;
  webinarUrl: string | null;
  venue: string | null;
}

const sessionWords: Record<UiLanguage, { join: string; venue: string; calendar: string; page: string }> = {
  en: { join: 'Join', venue: 'Venue', calendar: 'The calendar invite (.ics) is attached.', page: 'Your registration (cancel, calendar)' },
  ur: { join: 'شامل ہوں', venue: 'مقام', calendar: 'کیلنڈر دعوت نامہ (.ics) منسلک ہے۔', page: 'آپ کی رجسٹریشن (منسوخی، کیلنڈر)' },
  zh: { join: '参会链接', venue: '地点', calendar: '附件为日历邀请（.ics）。', page: '您的报名（取消、日历）' },
};

function sessionBlock(language: UiLanguage, sessions: SessionForMail[]): string {
  const w = sessionWords[language];
  return sessions
    .map((s) => [`• ${s.line}`, s.webinarUrl ? `  ${w.join}: ${s.webinarUrl}` : '', s.venue ? `  ${w.venue}: ${s.venue}` : ''].filter(Boolean).join('\n'))
    .join('\n');
}

export type PlaceReason = 'registered' | 'promoted' | 'again';

/** A confirmed place: on registration, on promotion from the waiting list, or sent again on a repeat registration. */
export const trainingPlaceMail: Template<{ name: string; programme: string; reason: PlaceReason; sessions: SessionForMail[]; page: string }> = {
  en: (p) => ({
    subject: `${p.reason === 'promoted' ? 'A place is yours' : p.reason === 'again' ? 'You are already registered' : 'Registration confirmed'}: ${p.programme}`,
    text: `Hello ${p.name},\n\n${p.reason === 'promoted' ? `A place became free and it is yours: you are registered for “${p.programme}”.` : p.reason === 'again' ? `You are already registered for “${p.programme}”; here are your details again.` : `You are registered for “${p.programme}”.`}\n\n${sessionBlock('en', p.sessions)}\n\n${sessionWords.en.calendar}\n${sessionWords.en.page}: ${p.page}`,
  }),
  ur: (p) => ({
    subject: `${p.reason === 'promoted' ? 'آپ کو جگہ مل گئی' : p.reason === 'again' ? 'آپ پہلے سے رجسٹرڈ ہیں' : 'رجسٹریشن کی تصدیق'}: ${p.programme}`,
    text: `${p.name} صاحب/صاحبہ،\n\n${p.reason === 'promoted' ? `ایک جگہ خالی ہوئی اور آپ کو مل گئی ہے: آپ “${p.programme}” کے لیے رجسٹرڈ ہیں۔` : p.reason === 'again' ? `آپ “${p.programme}” کے لیے پہلے سے رجسٹرڈ ہیں؛ تفصیلات دوبارہ بھیجی جا رہی ہیں۔` : `آپ “${p.programme}” کے لیے رجسٹرڈ ہو گئے ہیں۔`}\n\n${sessionBlock('ur', p.sessions)}\n\n${sessionWords.ur.calendar}\n${sessionWords.ur.page}: ${p.page}`,
  }),
  zh: (p) => ({
    subject: `${p.reason === 'promoted' ? '您已获得名额' : p.reason === 'again' ? '您已报名' : '报名成功'}：${p.programme}`,
    text: `${p.name}，您好：\n\n${p.reason === 'promoted' ? `有名额空出，已分配给您：您已成功报名“${p.programme}”。` : p.reason === 'again' ? `您已报名“${p.programme}”，以下是您的报名信息。` : `您已成功报名“${p.programme}”。`}\n\n${sessionBlock('zh', p.sessions)}\n\n${sessionWords.zh.calendar}\n${sessionWords.zh.page}：${p.page}`,
  }),
};

export const trainingWaitlistMail: Template<{ name: string; programme: string; position: number; again: boolean; page: string }> = {
  en: (p) => ({
    subject: `Waiting list: ${p.programme}`,
    text: `Hello ${p.name},\n\n${p.again ? 'You are already on the waiting list' : 'All places are taken, so you are on the waiting list'} for “${p.programme}”, at position ${p.position}. If a place becomes free, it goes to the first person on the list and we e-mail you the webinar link at once.\n\nYour registration: ${p.page}`,
  }),
  ur: (p) => ({
    subject: `انتظار کی فہرست: ${p.programme}`,
    text: `${p.name} صاحب/صاحبہ،\n\n${p.again ? 'آپ پہلے سے انتظار کی فہرست میں ہیں' : 'تمام نشستیں بھر چکی ہیں، اس لیے آپ کو انتظار کی فہرست میں رکھا گیا ہے'}: “${p.programme}”، نمبر ${p.position}۔ جگہ خالی ہونے پر فہرست میں پہلے شخص کو ملے گی اور ہم فوراً ویبینار کا لنک ای میل کریں گے۔\n\nآپ کی رجسٹریشن: ${p.page}`,
  }),
  zh: (p) => ({
    subject: `候补名单：${p.programme}`,
    text: `${p.name}，您好：\n\n${p.again ? '您已在候补名单中' : '名额已满，您已进入候补名单'}：“${p.programme}”，当前排第 ${p.position} 位。一旦有名额空出，将按顺序分配，我们会立即通过邮件发送会议链接。\n\n您的报名：${p.page}`,
  }),
};

/** `hadPlace`: a confirmed place was given up (and a calendar update is attached), not a place in the queue. */
export const trainingCancelledMail: Template<{ name: string; programme: string; hadPlace: boolean; page: string }> = {
  en: (p) => ({
    subject: `Registration cancelled: ${p.programme}`,
    text: `Hello ${p.name},\n\n${p.hadPlace ? `Your registration for “${p.programme}” is cancelled and your place has been freed. The attached calendar update removes the sessions from your calendar.` : `Your registration for “${p.programme}” is cancelled; you are no longer on the waiting list.`}\n\nTo register again while registration is open: ${p.page}`,
  }),
  ur: (p) => ({
    subject: `رجسٹریشن منسوخ: ${p.programme}`,
    text: `${p.name} صاحب/صاحبہ،\n\n${p.hadPlace ? `“${p.programme}” کے لیے آپ کی رجسٹریشن منسوخ کر دی گئی ہے اور آپ کی نشست خالی کر دی گئی ہے۔ منسلک کیلنڈر اپ ڈیٹ سیشنز کو آپ کے کیلنڈر سے ہٹا دیتا ہے۔` : `“${p.programme}” کے لیے آپ کی رجسٹریشن منسوخ کر دی گئی ہے؛ اب آپ انتظار کی فہرست میں نہیں ہیں۔`}\n\nرجسٹریشن کھلی ہو تو دوبارہ رجسٹر کریں: ${p.page}`,
  }),
  zh: (p) => ({
    subject: `报名已取消：${p.programme}`,
    text: `${p.name}，您好：\n\n${p.hadPlace ? `您对“${p.programme}”的报名已取消，名额已释放。附件中的日历更新会从您的日历中移除相关场次。` : `您对“${p.programme}”的报名已取消，您已不在候补名单中。`}\n\n报名开放期间可重新报名：${p.page}`,
  }),
};

function inTime(language: UiLanguage, minutes: number): string {
  const hours = minutes % 60 === 0 ? minutes / 60 : null;
  if (language === 'zh') return hours !== null ? `${hours} 小时后` : `${minutes} 分钟后`;
  if (language === 'ur') return hours !== null ? `${hours} گھنٹے میں` : `${minutes} منٹ میں`;
  return hours !== null ? `in ${hours} hour${hours === 1 ? '' : 's'}` : `in ${minutes} minutes`;
}

export const trainingReminderMail: Template<{ name: string; programme: string; offsetMinutes: number; session: SessionForMail; page: string }> = {
  en: (p) => ({
    subject: `Starts ${inTime('en', p.offsetMinutes)}: ${p.programme}`,
    text: `Hello ${p.name},\n\n“${p.programme}” starts ${inTime('en', p.offsetMinutes)}.\n\n${sessionBlock('en', [p.session])}\n\nYour registration: ${p.page}`,
  }),
  ur: (p) => ({
    subject: `${inTime('ur', p.offsetMinutes)} شروع: ${p.programme}`,
    text: `${p.name} صاحب/صاحبہ،\n\n“${p.programme}” ${inTime('ur', p.offsetMinutes)} شروع ہو رہا ہے۔\n\n${sessionBlock('ur', [p.session])}\n\nآپ کی رجسٹریشن: ${p.page}`,
  }),
  zh: (p) => ({
    subject: `${inTime('zh', p.offsetMinutes)}开始：${p.programme}`,
    text: `${p.name}，您好：\n\n“${p.programme}”将于${inTime('zh', p.offsetMinutes)}开始。\n\n${sessionBlock('zh', [p.session])}\n\n您的报名：${p.page}`,
  }),
};

export type SessionChange = 'added' | 'changed' | 'cancelled';

const changeWords: Record<UiLanguage, Record<SessionChange, { subject: string; lead: string }>> = {
  en: {
    added: { subject: 'Session added', lead: 'A session has been added to' },
    changed: { subject: 'Session changed', lead: 'The time or place of a session has changed in' },
    cancelled: { subject: 'Session cancelled', lead: 'A session has been cancelled in' },
  },
  ur: {
    added: { subject: 'نیا سیشن', lead: 'ایک نیا سیشن شامل کیا گیا ہے:' },
    changed: { subject: 'سیشن میں تبدیلی', lead: 'ایک سیشن کا وقت یا مقام بدل گیا ہے:' },
    cancelled: { subject: 'سیشن منسوخ', lead: 'ایک سیشن منسوخ کر دیا گیا ہے:' },
  },
  zh: {
    added: { subject: '新增场次', lead: '以下培训新增了一个场次：' },
    changed: { subject: '场次有变动', lead: '以下培训有场次的时间或地点发生变动：' },
    cancelled: { subject: '场次已取消', lead: '以下培训有场次已取消：' },
  },
};

export const trainingSessionChangedMail: Template<{ name: string; programme: string; what: SessionChange; sessions: SessionForMail[]; page: string }> = {
  en: (p) => ({
    subject: `${changeWords.en[p.what].subject}: ${p.programme}`,
    text: `Hello ${p.name},\n\n${changeWords.en[p.what].lead} “${p.programme}”:\n\n${sessionBlock('en', p.sessions)}\n\nThe attached calendar file updates your calendar; a subscribed calendar updates by itself.\nYour registration: ${p.page}`,
  }),
  ur: (p) => ({
    subject: `${changeWords.ur[p.what].subject}: ${p.programme}`,
    text: `${p.name} صاحب/صاحبہ،\n\n${changeWords.ur[p.what].lead} “${p.programme}”\n\n${sessionBlock('ur', p.sessions)}\n\nمنسلک کیلنڈر فائل آپ کا کیلنڈر اپ ڈیٹ کر دیتی ہے۔\nآپ کی رجسٹریشن: ${p.page}`,
  }),
  zh: (p) => ({
    subject: `${changeWords.zh[p.what].subject}：${p.programme}`,
    text: `${p.name}，您好：\n\n${changeWords.zh[p.what].lead}“${p.programme}”\n\n${sessionBlock('zh', p.sessions)}\n\n附件中的日历文件会更新您的日历；已订阅的日历会自动更新。\n您的报名：${p.page}`,
  }),
};

export const certificateIssuedMail: Template<{ name: string; programme: string; code: string; pdf: string; verify: string }> = {
  en: (p) => ({
    subject: `Your certificate: ${p.programme}`,
    text: `Hello ${p.name},\n\nThank you for taking part in “${p.programme}”. Your certificate of participation is ready:\n${p.pdf}\n\nIts code is ${p.code}; anyone can check it at ${p.verify}`,
  }),
  ur: (p) => ({
    subject: `آپ کا سرٹیفکیٹ: ${p.programme}`,
    text: `${p.name} صاحب/صاحبہ،\n\n“${p.programme}” میں شرکت کا شکریہ۔ آپ کا شرکت کا سرٹیفکیٹ تیار ہے:\n${p.pdf}\n\nاس کا کوڈ ${p.code} ہے؛ کوئی بھی اس کی تصدیق یہاں کر سکتا ہے: ${p.verify}`,
  }),
  zh: (p) => ({
    subject: `您的证书：${p.programme}`,
    text: `${p.name}，您好：\n\n感谢您参加“${p.programme}”。您的参训证书已生成：\n${p.pdf}\n\n证书编号 ${p.code}，任何人都可在此验证：${p.verify}`,
  }),
};

export const outcomeSurveyMail: Template<{ name: string; event: string; count: number; link: string }> = {
  en: (p) => ({
    subject: `How did your meetings at ${p.event} go?`,
    text: `Hello ${p.name},\n\nThank you for taking part in ${p.event}. Please tell the organisers, for your organisation, what your ${p.count} meeting(s) led to: whether they took place, any deal and its estimated value. It takes a minute per meeting:\n${p.link}`,
  }),
  ur: (p) => ({
    subject: `${p.event} میں آپ کی ملاقاتیں کیسی رہیں؟`,
    text: `${p.name} صاحب/صاحبہ،\n\n${p.event} میں شرکت کا شکریہ۔ براہ کرم اپنے ادارے کی طرف سے منتظمین کو بتائیں کہ آپ کی ${p.count} ملاقاتوں کا نتیجہ کیا نکلا: کیا وہ ہوئیں، کوئی معاہدہ اور اس کی تخمینی مالیت۔ ہر ملاقات کے لیے ایک منٹ لگتا ہے:\n${p.link}`,
  }),
  zh: (p) => ({
    subject: `您在${p.event}的会谈进展如何？`,
    text: `${p.name}，您好：\n\n感谢您参加${p.event}。请代表贵机构告诉主办方您的 ${p.count} 场会谈带来了什么：会谈是否举行、是否达成协议及预计金额。每场会谈只需一分钟：\n${p.link}`,
  }),
};
