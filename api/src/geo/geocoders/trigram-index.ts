/**
 * Exact and fuzzy lookup of normalised address lines: a hash of exact texts and an inverted index
 * of pg_trgm-style trigrams. A fuzzy query touches only the postings of its own trigrams and keeps
 * the top few in a small sorted list, so a city-sized book answers in milliseconds.
 */
import { trigramsOf } from './address-text.js';

export interface Ranked {
  i: number;
  score: number;
  /** Secondary key, smaller first (e.g. distance between house numbers). */
  tieBreak: number;
}

export interface TrigramIndex {
  exact(text: string): readonly number[];
  /** The `count` best entries by `rank(i, similarity)`; similarity is shared / union trigrams (0–1). */
  best(text: string, count: number, rank: (i: number, similarity: number) => Ranked): Ranked[];
}

const before = (a: Ranked, b: Ranked) =>
  a.score > b.score ||
  (a.score === b.score && (a.tieBreak < b.tieBreak || (a.tieBreak === b.tieBreak && a.i < b.i)));

/** Indexes the texts once; entries are their positions in `texts`. */
export function createTrigramIndex(texts: readonly string[]): TrigramIndex {
  const byText = new Map<string, number[]>();
  const sizes = new Uint16Array(texts.length);
  const postings = new Map<string, number[]>();
  texts.forEach((text, i) => {
    const same = byText.get(text);
    if (same) same.push(i);
    else byText.set(text, [i]);
    const trigrams = trigramsOf(text);
    sizes[i] = trigrams.size;
    for (const trigram of trigrams) {
      const list = postings.get(trigram);
      if (list) list.push(i);
      else postings.set(trigram, [i]);
    }
  });
  // Reused between queries (JavaScript runs one at a time); reset through `touched` after each.
  const shared = new Uint16Array(texts.length);

  return {
    exact: (text) => byText.get(text) ?? [],
    best(text, count, rank) {
      const trigrams = trigramsOf(text);
      const touched: number[] = [];
      for (const trigram of trigrams) {
        for (const i of postings.get(trigram) ?? []) {
          if (shared[i] === 0) touched.push(i);
          shared[i]!++;
        }
      }
      const top: Ranked[] = [];
      for (const i of touched) {
        const common = shared[i]!;
        shared[i] = 0;
        const candidate = rank(i, common / (trigrams.size + sizes[i]! - common));
        if (top.length === count && !before(candidate, top[count - 1]!)) continue;
        let at = top.length;
        while (at > 0 && before(candidate, top[at - 1]!)) at--;
        top.splice(at, 0, candidate);
        if (top.length > count) top.pop();
      }
      return top;
    },
  };
}
