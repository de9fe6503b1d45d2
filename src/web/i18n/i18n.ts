import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { RESOURCES } from './resources';

export type LanguageCode = 'en' | 'ur' | 'zh';

/** The product's languages, each named in itself (a reader of one cannot read the others' names). */
export const LANGUAGES: { code: LanguageCode; name: string; dir: 'ltr' | 'rtl'; locale: string }[] = [
  { code: 'en', name: 'English', dir: 'ltr', locale: 'en-GB' },
  { code: 'ur', name: 'اردو', dir: 'rtl', locale: 'ur-PK' },
  { code: 'zh', name: '简体中文', dir: 'ltr', locale: 'zh-CN' },
];

const STORAGE_KEY = 'corridor.language';

const isLanguage = (value: string | null | undefined): value is LanguageCode => LANGUAGES.some((l) => l.code === value);

/** A choice made on this device, if any. */
export function savedLanguage(): LanguageCode | null {
  const saved = localStorage.getItem(STORAGE_KEY);
  return isLanguage(saved) ? saved : null;
}

function browserLanguage(): LanguageCode {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function applyToDocument(code: LanguageCode) {
  const language = LANGUAGES.find((l) => l.code === code)!;
  document.documentElement.lang = code;
  document.documentElement.dir = language.dir;
}

export function currentLanguage(): LanguageCode {
  return isLanguage(i18next.language) ? i18next.language : 'en';
}

/** BCP 47 locale for dates, numbers and country names in the current language. */
export function currentLocale(): string {
  return LANGUAGES.find((l) => l.code === currentLanguage())!.locale;
}

export async function chooseLanguage(code: LanguageCode): Promise<void> {
  localStorage.setItem(STORAGE_KEY, code);
  await i18next.changeLanguage(code);
}

export async function startI18n(): Promise<void> {
  const language = savedLanguage() ?? browserLanguage();
  i18next.on('languageChanged', (code) => applyToDocument(isLanguage(code) ? code : 'en'));
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: RESOURCES.en }, ur: { translation: RESOURCES.ur }, zh: { translation: RESOURCES.zh } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes what it renders
  });
  applyToDocument(language);
}
