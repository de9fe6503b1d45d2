import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES } from '../i18n/i18n';
import type { LanguageCode } from '../i18n/i18n';
import { useSession } from '../session';

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const session = useSession();
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('shell.language')}</label>
      <select id={id} value={currentLanguage()} onChange={(event) => void session.setLanguage(event.target.value as LanguageCode)}>
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.name}
          </option>
        ))}
      </select>
    </div>
  );
}
