/**
 * What `locate` tells a resident or integrator when it cannot place a report: each message names
 * the place and says how to fix the input.
 */
import type { FieldError } from '@civicdesk/schemas';

/** A refusal naming one field. */
export const refuse = (field: string, message: string): { ok: false; errors: FieldError[] } => ({
  ok: false,
  errors: [{ field, message }],
});

/** The messages for one jurisdiction, e.g. `City of Springfield`. */
export function locationMessages(place: string) {
  return {
    outside: (what: string) =>
      `${what} is outside ${place}. Check it, or contact the city or county responsible for that place.`,
    notFound: (address: string, suggestions: string[]) =>
      `We could not find "${address}" in ${place}.` +
      (suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '') +
      ' Check the house number and street, or send lat and long instead.',
    unknownAddressId: (id: string) =>
      `${place} has no address with id "${id}". Check the id, or send address_string or lat and long instead.`,
    cannotConvert: (x: number, y: number, reference: string) =>
      `x ${x}, y ${y} cannot be converted from ${reference}; check they are in its units.`,
    noLocation:
      'Say where: send lat and long, an address_string, an address_id, or x, y and spatial_reference.',
  };
}
