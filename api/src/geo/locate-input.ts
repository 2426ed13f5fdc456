/**
 * The location fields a channel may send, and how each is checked before any lookup: numbers may
 * still be strings (form bodies), blanks count as absent, and each mistake names its field.
 */
import type { FieldError } from '@civicdesk/schemas';
import { parseSpatialReference, type SpatialReferenceInput } from './projections.js';

/** Everything a channel may say about where: any combination is accepted. */
export interface LocateInput {
  lat?: number | string | undefined;
  long?: number | string | undefined;
  address_string?: string | undefined;
  address_id?: string | undefined;
  x?: number | string | undefined;
  y?: number | string | undefined;
  spatial_reference?: SpatialReferenceInput | undefined;
}

export interface CheckedInput {
  point?: { lat: number; long: number };
  projected?: { x: number; y: number; spatialReference: string };
  addressString?: string;
  addressId?: string;
}

const blank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function numberField(
  value: unknown,
  field: string,
  example: string,
  errors: FieldError[],
): number | undefined {
  if (blank(value)) return undefined;
  const number = typeof value === 'number' ? value : Number(String(value).trim());
  if (Number.isFinite(number)) return number;
  errors.push({ field, message: `${JSON.stringify(value)} is not a number; give ${example}.` });
  return undefined;
}

/** Pairs lat with long and x with y (+ spatial_reference); every missing half or bad value is an error. */
export function checkLocateInput(input: LocateInput): { checked: CheckedInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const checked: CheckedInput = {};
  const lat = numberField(input.lat, 'lat', 'WGS84 decimal degrees, e.g. 39.7817', errors);
  const long = numberField(input.long, 'long', 'WGS84 decimal degrees, e.g. -89.6501', errors);
  if (lat !== undefined && (lat < -90 || lat > 90))
    errors.push({
      field: 'lat',
      message: `${lat} is not a latitude; it must be between -90 and 90 (did you swap lat and long?).`,
    });
  else if (long !== undefined && (long < -180 || long > 180))
    errors.push({ field: 'long', message: `${long} is not a longitude; it must be between -180 and 180.` });
  else if (lat !== undefined && long === undefined && blank(input.long))
    errors.push({
      field: 'long',
      message: 'Give long together with lat (WGS84 decimal degrees), e.g. long=-89.6501.',
    });
  else if (long !== undefined && lat === undefined && blank(input.lat))
    errors.push({
      field: 'lat',
      message: 'Give lat together with long (WGS84 decimal degrees), e.g. lat=39.7817.',
    });
  else if (lat !== undefined && long !== undefined) checked.point = { lat, long };

  const x = numberField(
    input.x,
    'x',
    'a projected coordinate in the units of spatial_reference, e.g. 1056941',
    errors,
  );
  const y = numberField(
    input.y,
    'y',
    'a projected coordinate in the units of spatial_reference, e.g. 185959',
    errors,
  );
  const hasReference = !blank(input.spatial_reference);
  if (x !== undefined && y === undefined && blank(input.y))
    errors.push({ field: 'y', message: 'Give y together with x (and spatial_reference).' });
  else if (y !== undefined && x === undefined && blank(input.x))
    errors.push({ field: 'x', message: 'Give x together with y (and spatial_reference).' });
  else if (x !== undefined && y !== undefined) {
    if (!hasReference) {
      errors.push({
        field: 'spatial_reference',
        message:
          'Say which coordinate system x and y are in, e.g. spatial_reference=EPSG:2263, or send lat and long (WGS84) instead.',
      });
    } else {
      const reference = parseSpatialReference(input.spatial_reference);
      if (reference.ok) checked.projected = { x, y, spatialReference: reference.code };
      else errors.push(reference.error);
    }
  } else if (hasReference && x === undefined && y === undefined) {
    const reference = parseSpatialReference(input.spatial_reference);
    if (!reference.ok) errors.push(reference.error);
  }

  if (!blank(input.address_string)) checked.addressString = String(input.address_string).trim();
  if (!blank(input.address_id)) checked.addressId = String(input.address_id).trim();
  return { checked, errors };
}
