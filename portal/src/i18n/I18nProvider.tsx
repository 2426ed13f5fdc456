/** Holds the chosen language for the whole portal and keeps `<html lang>` in step. */
import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { format, initialLanguage, languages, type Language, type MessageKey } from './messages.js';

export interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** A date and time in the reader's language. */
  formatDate(iso: string): string;
}

export const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem('civicdesk.portal.lang', next);
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const messages = languages[language].messages;
    const dates = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      language,
      setLanguage,
      t: (key, vars) => format(messages[key], vars),
      formatDate: (iso) => dates.format(new Date(iso)),
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
