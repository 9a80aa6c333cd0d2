import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { availableLanguages } from '../lib/i18n.ts';

/** A labelled native select of the languages in /locales/index.json, each named in itself. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const languages = availableLanguages();
  if (languages.length < 2) return null;
  return (
    <div className="language-switch">
      <label htmlFor={id} className="visually-hidden">
        {t('shell.language')}
      </label>
      <select id={id} value={i18n.resolvedLanguage} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
        {languages.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  );
}
