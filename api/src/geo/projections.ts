/**
 * Projected x/y ⇄ WGS84 lat/long with proj4, for channels that send State Plane or Web Mercator
 * coordinates (ArcGIS clients, city GIS exports) and for answering x/y back in a city's own system.
 */
import type { FieldError } from '@civicdesk/schemas';
import proj4 from 'proj4';
import { aliases, spatialReferences } from './spatial-references.js';

/** What channels send: `EPSG:2263`, `2263`, `urn:ogc:def:crs:EPSG::2263`, or ArcGIS's `{ wkid, latestWkid }`. */
export type SpatialReferenceInput = string | number | { wkid?: unknown; latestWkid?: unknown };

export type SpatialReferenceCheck = { ok: true; code: string } | { ok: false; error: FieldError };

const byCode = new Map(spatialReferences.map((reference) => [reference.code, reference]));
const wgs84 = 'EPSG:4326';

/** The codes a user may send, for error messages and documentation. */
export function supportedSpatialReferences(): string[] {
  return [...byCode.keys(), ...Object.keys(aliases)];
}

function candidateCodes(input: SpatialReferenceInput): string[] {
  if (typeof input === 'number') return [`EPSG:${input}`];
  if (typeof input === 'object' && input !== null) {
    // ArcGIS sends both; latestWkid is the EPSG code when wkid is one of Esri's own (102100).
    return [input.latestWkid, input.wkid]
      .filter((id) => id !== undefined && id !== null)
      .map((id) => `EPSG:${String(id)}`);
  }
  const text = input.trim();
  if (text.startsWith('{')) {
    try {
      return candidateCodes(JSON.parse(text) as SpatialReferenceInput);
    } catch {
      return [text];
    }
  }
  const digits = /^(?:(?:urn:ogc:def:crs:)?(?:epsg|esri)?:*)?(\d+)$/i.exec(text)?.[1];
  return [digits === undefined ? text : `EPSG:${digits}`];
}

/** Resolves any accepted form to a canonical supported code, or a field error listing what is supported. */
export function parseSpatialReference(input: unknown, field = 'spatial_reference'): SpatialReferenceCheck {
  const usable =
    typeof input === 'string' || typeof input === 'number' || (typeof input === 'object' && input !== null);
  const candidates = usable ? candidateCodes(input as SpatialReferenceInput) : [];
  for (const candidate of candidates) {
    const code = aliases[candidate] ?? candidate;
    if (byCode.has(code)) return { ok: true, code };
  }
  const given = typeof input === 'object' ? JSON.stringify(input) : String(input);
  return {
    ok: false,
    error: {
      field,
      message: `${given} is not supported; use one of ${[...byCode.keys()].join(', ')} (ArcGIS wkid 102100 and 102113 mean EPSG:3857).`,
    },
  };
}

const converters = new Map<string, proj4.Converter>();
function converterFor(code: string): proj4.Converter {
  let converter = converters.get(code);
  if (!converter) {
    const reference = byCode.get(aliases[code] ?? code);
    if (!reference)
      throw new Error(`Unsupported spatial reference ${code}; call parseSpatialReference first.`);
    converter = proj4(reference.proj4, (byCode.get(wgs84) as { proj4: string }).proj4);
    converters.set(code, converter);
  }
  return converter;
}

/** Projected x/y in `code` (a canonical code from parseSpatialReference) to WGS84 lat/long. */
export function toWgs84(x: number, y: number, code: string): { lat: number; long: number } {
  const [long, lat] = converterFor(code).forward([x, y]) as [number, number];
  return { lat, long };
}

/** WGS84 lat/long to projected x/y in `code`, e.g. to answer a city's State Plane coordinates. */
export function fromWgs84(lat: number, long: number, code: string): { x: number; y: number } {
  const [x, y] = converterFor(code).inverse([long, lat]) as [number, number];
  return { x, y };
}
