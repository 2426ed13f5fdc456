/**
 * One normalised location from whatever a channel sends (lat/long, address, address id, projected
 * x/y), checked against the jurisdiction's boundary and enriched with its district, ward and service
 * area. Pure over in-memory indexes: no database, so intake can call it inside its transaction.
 */
import type { FieldError } from '@civicdesk/schemas';
import { createAreaIndex, type Area } from './area-index.js';
import type { Geocoder, GeocodeResult, GeocoderSource } from './geocoders/geocoder.js';
import type { OfflineGeocoder } from './geocoders/offline.js';
import { checkLocateInput, type LocateInput } from './locate-input.js';
import { locationMessages, refuse } from './location-messages.js';
import { geometryContains, type AreaGeometry } from './polygons.js';
import { fromWgs84, parseSpatialReference, toWgs84 } from './projections.js';

export type { LocateInput } from './locate-input.js';

/** The normalised location, in the shape of the service_requests columns (lat/long are WGS84). */
export interface NormalisedRequestLocation {
  lat?: number;
  long?: number;
  address?: string;
  address_id?: string;
  zipcode?: string;
  district?: string;
  ward?: string;
  service_area?: string;
  x?: number;
  y?: number;
  spatial_reference?: string;
  /** How an address was turned into the point, when it was. */
  geocoded?: { source: GeocoderSource; score: number; accuracy?: string };
}

export type LocateResult =
  { ok: true; location: NormalisedRequestLocation; warning?: string } | { ok: false; errors: FieldError[] };

export interface Locator {
  locate(input: LocateInput): Promise<LocateResult>;
  /** The point's district / ward / service area codes, synchronously (e.g. for re-enriching old rows). */
  enrich(lat: number, long: number): Pick<NormalisedRequestLocation, 'district' | 'ward' | 'service_area'>;
}

export interface LocatorOptions {
  /** GeoJSON (Multi)Polygon of the jurisdiction; none accepts every point. */
  boundary?: unknown;
  areas?: readonly Area[];
  /** Turns address_string into a point; the offline address book when none is given. */
  geocoder?: Geocoder;
  /** The jurisdiction's own address points: address_id lookups and "did you mean" suggestions. */
  addresses?: OfflineGeocoder;
  /** Named in "outside ..." messages, e.g. `City of Springfield`. */
  jurisdictionName?: string;
  /** When set (e.g. `EPSG:3436`), every location also gets x/y in it unless the channel sent its own. */
  spatialReference?: string;
  /** Lowest geocoder score taken as a match (0–100, default 80); lower ones become suggestions. */
  minScore?: number;
  /**
   * An address_string no geocoder matches: `keep` (default) accepts it as the resident wrote it,
   * without a point, for staff to place — a new build or a landmark may be right though unknown;
   * `refuse` answers a field error with suggestions (a form checking an address before submitting).
   */
  unmatchedAddress?: 'keep' | 'refuse';
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** Builds the indexes once; `locate` then costs microseconds for coordinates (geocoding aside). */
export function createLocator(options: LocatorOptions): Locator {
  const areaIndex = createAreaIndex(options.areas ?? []);
  const boundary = options.boundary as AreaGeometry | null | undefined;
  const isPolygon = boundary?.type === 'Polygon' || boundary?.type === 'MultiPolygon';
  const inside = (lat: number, long: number) => !isPolygon || geometryContains(boundary, long, lat);
  const place = options.jurisdictionName ?? 'the jurisdiction';
  const geocoder = options.geocoder ?? options.addresses;
  const minScore = options.minScore ?? 80;
  const output =
    options.spatialReference === undefined ? undefined : parseSpatialReference(options.spatialReference);
  if (output && !output.ok) throw new Error(`createLocator: spatialReference ${output.error.message}`);

  const say = locationMessages(place);
  const at = (lat: number, long: number) => `${round(lat)}, ${round(long)}`;
  const outside = (field: string, what: string) => refuse(field, say.outside(what));

  function finish(location: NormalisedRequestLocation & { lat: number; long: number }): LocateResult {
    const projected =
      location.x === undefined && output?.ok
        ? { ...fromWgs84(location.lat, location.long, output.code), spatial_reference: output.code }
        : {};
    return {
      ok: true,
      location: { ...location, ...projected, ...areaIndex.areasAt(location.lat, location.long) },
    };
  }

  async function geocode(address: string): Promise<LocateResult | GeocodeResult> {
    let results: GeocodeResult[];
    try {
      results = geocoder ? await geocoder.geocode(address) : [];
    } catch (error) {
      // A provider outage must not lose a resident's report: keep the address, locate it later.
      return { ok: true, location: { address }, warning: (error as Error).message };
    }
    const confident = results.filter((r) => r.score >= minScore);
    const best = confident.find((r) => inside(r.lat, r.long));
    if (best) return best;
    const away = confident[0];
    if (away) return outside('address_string', `"${address}" was found at ${at(away.lat, away.long)}, which`);
    const suggestions = (options.addresses?.suggest(address, 3) ?? []).map((s) => s.address);
    const message = say.notFound(address, suggestions);
    if (options.unmatchedAddress === 'refuse') return refuse('address_string', message);
    return { ok: true, location: { address }, warning: message };
  }

  return {
    enrich: (lat, long) => areaIndex.areasAt(lat, long),
    async locate(input) {
      const { checked, errors } = checkLocateInput(input);
      if (errors.length > 0) return { ok: false, errors };
      const given = {
        ...(checked.addressString !== undefined && { address: checked.addressString }),
        ...(checked.addressId !== undefined && { address_id: checked.addressId }),
      };
      const projected = checked.projected && {
        x: checked.projected.x,
        y: checked.projected.y,
        spatial_reference: checked.projected.spatialReference,
      };

      // Coordinates win for the point; an address sent with them is kept as given.
      if (checked.point) {
        const { lat, long } = checked.point;
        if (!inside(lat, long)) return outside('lat', `The location ${at(lat, long)}`);
        return finish({ lat, long, ...given, ...projected });
      }
      if (checked.projected) {
        const { x, y, spatialReference } = checked.projected;
        const { lat, long } = toWgs84(x, y, spatialReference);
        if (!Number.isFinite(lat) || !Number.isFinite(long))
          return refuse('x', say.cannotConvert(x, y, spatialReference));
        if (!inside(lat, long))
          return outside('x', `x ${x}, y ${y} in ${spatialReference} is at ${at(lat, long)}, which`);
        return finish({ lat: round(lat), long: round(long), ...given, ...projected });
      }
      if (checked.addressId !== undefined) {
        const point = options.addresses?.findById(checked.addressId);
        if (!point) return refuse('address_id', say.unknownAddressId(checked.addressId));
        return finish({
          lat: point.lat,
          long: point.long,
          address: point.address,
          ...given,
          ...(point.zipcode && { zipcode: point.zipcode }),
        });
      }
      if (checked.addressString !== undefined) {
        const found = await geocode(checked.addressString);
        if ('ok' in found) return found;
        return finish({
          lat: found.lat,
          long: found.long,
          address: found.address || checked.addressString,
          ...(found.address_id !== undefined && { address_id: found.address_id }),
          ...(found.zipcode !== undefined && { zipcode: found.zipcode }),
          geocoded: {
            source: found.source,
            score: found.score,
            ...(found.accuracy !== undefined && { accuracy: found.accuracy }),
          },
        });
      }
      return refuse('location', say.noLocation);
    },
  };
}
