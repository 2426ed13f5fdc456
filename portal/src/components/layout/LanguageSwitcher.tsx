/** Lets the reader pick any language that has a message file. */
import { useI18n } from '../../i18n/use-i18n.js';
import { languages, type Language } from '../../i18n/messages.js';

export function LanguageSwitcher() {
  const { t, language, setLanguage } = useI18n();
  return (
    <div className="language">
      <label htmlFor="language">{t('lang.label')}</label>
      <select id="language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {Object.entries(languages).map(([tag, { name }]) => (
          <option key={tag} value={tag} lang={tag}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
