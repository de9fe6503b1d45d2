import { offsetLabel } from '../calendar/zoned-time';
import type { UiLanguage } from '../organisation';

/** How people write dates in each language the product speaks. */
const LOCALES: Record<UiLanguage, string> = { en: 'en-GB', ur: 'ur-PK', zh: 'zh-CN' };

export function uiLanguage(language: string): UiLanguage {
  return language === 'ur' || language === 'zh' ? language : 'en';
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(language: UiLanguage, zone: string, what: 'date' | 'time'): Intl.DateTimeFormat {
  const key = `${language}|${zone}|${what}`;
  let f = formats.get(key);
  if (!f) {
    const date = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } as const;
    const time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
    f = new Intl.DateTimeFormat(LOCALES[language], { timeZone: zone, ...(what === 'time' ? time : date) });
    formats.set(key, f);
  }
  return f;
}

export function formatDate(instant: Date, zone: string, language: string): string {
  return format(uiLanguage(language), zone, 'date').format(instant);
}

export function formatTime(instant: Date, zone: string, language: string): string {
  return format(uiLanguage(language), zone, 'time').format(instant);
}

export interface SessionTimes {
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
}

/**
 * One line per session for e-mails: the date and times in the session's zone, and again in the
 * reader's zone when it differs ("14:00–16:00 Asia/Shanghai (UTC+08:00) · 11:00–13:00 Asia/Karachi").
 */
export function sessionLine(session: SessionTimes, language: string, readerZone: string | null): string {
  const lang = uiLanguage(language);
  const span = (zone: string) =>
    `${format(lang, zone, 'time').format(session.startsAt)}–${format(lang, zone, 'time').format(session.endsAt)} ${zone} (${offsetLabel(session.startsAt, zone)})`;
  const day = format(lang, session.timeZone, 'date').format(session.startsAt);
  const own = readerZone && readerZone !== session.timeZone && offsetLabel(session.startsAt, readerZone) !== offsetLabel(session.startsAt, session.timeZone);
  const reader = own ? ` · ${format(lang, readerZone, 'date').format(session.startsAt) === day ? '' : `${format(lang, readerZone, 'date').format(session.startsAt)}, `}${span(readerZone)}` : '';
  return `${session.title ? `${session.title}: ` : ''}${day}, ${span(session.timeZone)}${reader}`;
}

/** The zone to show times in for a reader who gave none: the corridor's two countries have one zone each. */
export function zoneForCountry(country: string | null): string | null {
  if (country === 'PK') return 'Asia/Karachi';
  if (country === 'CN') return 'Asia/Shanghai';
  return null;
}
