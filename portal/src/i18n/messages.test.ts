import { describe, expect, it } from 'vitest';
import { format, languages } from './messages.js';

describe('message files', () => {
  it('every language has every English key, with the same placeholders', () => {
    const english = languages.en.messages;
    for (const [tag, { messages }] of Object.entries(languages)) {
      for (const [key, text] of Object.entries(english)) {
        const translated = messages[key as keyof typeof english];
        expect(translated, `${tag}: ${key}`).toBeTypeOf('string');
        const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(holes(translated), `${tag}: ${key}`).toEqual(holes(text));
      }
      expect(Object.keys(messages).sort(), tag).toEqual(Object.keys(english).sort());
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('Request #{id}', { id: 7 })).toBe('Request #7');
    expect(format('Hi {name}', {})).toBe('Hi {name}');
  });
});
