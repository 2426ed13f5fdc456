/** The message catalogues. Adding a language is one JSON file here plus one line in `languages`. */
import en from './en.json';
import es from './es.json';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

/** Every language the switcher offers, by BCP 47 tag, with its name in itself. */
export const languages = {
  en: { name: 'English', messages: en as Messages },
  es: { name: 'Español', messages: es as Messages },
} as const;

export type Language = keyof typeof languages;

/** Fills `{name}` placeholders. */
export function format(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The language to start in: the one chosen before, else the browser's, else English. */
export function initialLanguage(): Language {
  const saved = localStorage.getItem('civicdesk.portal.lang');
  if (saved && saved in languages) return saved as Language;
  const browser = navigator.language.slice(0, 2);
  return browser in languages ? (browser as Language) : 'en';
}
