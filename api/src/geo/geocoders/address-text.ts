/**
 * How two spellings of one address are made comparable: case, punctuation, the usual USPS street
 * suffix and direction abbreviations, and the city/state/ZIP tail people add after a comma.
 */
const abbreviations: Record<string, string> = {
  street: 'st',
  avenue: 'ave',
  av: 'ave',
  road: 'rd',
  drive: 'dr',
  boulevard: 'blvd',
  lane: 'ln',
  court: 'ct',
  place: 'pl',
  parkway: 'pkwy',
  terrace: 'ter',
  circle: 'cir',
  highway: 'hwy',
  square: 'sq',
  trail: 'trl',
  way: 'way',
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  northeast: 'ne',
  northwest: 'nw',
  southeast: 'se',
  southwest: 'sw',
};

/** The street line of an address in a canonical form, e.g. `1200 South Fifth Street, Springfield` → `1200 s fifth st`. */
export function normaliseStreetLine(address: string): string {
  const streetLine = address.split(',')[0] ?? '';
  return streetLine
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => abbreviations[word] ?? word)
    .join(' ');
}

/** The house number a normalised street line starts with, if any. */
export const houseNumberOf = (normalised: string) => /^\d+[a-z]?\b/.exec(normalised)?.[0];

/** A five-digit ZIP code written anywhere in the address. */
export const zipcodeIn = (address: string) => /\b(\d{5})(?:-\d{4})?\s*$/.exec(address.trim())?.[1];

/** pg_trgm's trigrams: each word padded with two spaces before and one after. */
export function trigramsOf(normalised: string): Set<string> {
  const trigrams = new Set<string>();
  for (const word of normalised.split(' ')) {
    if (word === '') continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) trigrams.add(padded.slice(i, i + 3));
  }
  return trigrams;
}
