/** DOM ids for form fields, derived from their Open311 names so server errors find their field. */

/** The input id for an Open311 field name, e.g. `attribute[depth_cm]` → `field-attribute-depth_cm`. */
export function fieldId(open311Name: string): string {
  return `field-${open311Name.replace(/[^a-zA-Z0-9_]+/g, '-').replace(/-$/, '')}`;
}

/** The id of the element holding a field's error messages. */
export function errorId(open311Name: string): string {
  return `${fieldId(open311Name)}-error`;
}

/** The id of the element holding a field's hint. */
export function hintId(open311Name: string): string {
  return `${fieldId(open311Name)}-hint`;
}

/** Where a location error is shown: the server may name `location` or `address_id`; both belong to the address box. */
export function displayField(open311Name: string): string {
  return open311Name === 'location' || open311Name === 'address_id' ? 'address_string' : open311Name;
}
