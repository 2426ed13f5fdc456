/**
 * ArcGIS World Geocoding adapter (`findAddressCandidates`, `reverseGeocode`). ArcGIS reports errors
 * as HTTP 200 with an `error` object, and may answer in Web Mercator (wkid 102100): both handled.
 * @see https://developers.arcgis.com/rest/geocode/api-reference/geocoding-find-address-candidates.htm
 */
import { parseSpatialReference, toWgs84 } from '../projections.js';
import { fetchGeocoderJson } from './fetch-json.js';
import { GeocoderError, type GeocodeResult, type Geocoder, type HostedGeocoderConfig } from './geocoder.js';

type SpatialReference = { wkid?: number; latestWkid?: number };
interface Candidate {
  address?: string;
  location?: { x: number; y: number; spatialReference?: SpatialReference };
  score?: number;
  attributes?: Record<string, unknown>;
}
interface ArcgisResponse {
  error?: { code?: number; message?: string; details?: string[] };
  spatialReference?: SpatialReference;
  candidates?: Candidate[];
  address?: Record<string, unknown>;
  location?: Candidate['location'];
}

const servicePath = '/arcgis/rest/services/World/GeocodeServer';

function throwIfError(response: ArcgisResponse): void {
  const error = response.error;
  if (!error) return;
  const text = [error.message, ...(error.details ?? [])].filter(Boolean).join(' ');
  const code = error.code ?? 0;
  if (code === 498 || code === 499 || code === 401 || code === 403)
    throw new GeocoderError('arcgis', 'denied', `error ${code}: ${text}; check the API key`);
  if (code === 429) throw new GeocoderError('arcgis', 'quota', `error ${code}: ${text}`);
  if (code === 400) throw new GeocoderError('arcgis', 'invalid_request', `error ${code}: ${text}`);
  throw new GeocoderError('arcgis', 'unavailable', `error ${code}: ${text}`);
}

/** The candidate's point in WGS84, converting from the answer's spatial reference when it is projected. */
function wgs84Of(location: NonNullable<Candidate['location']>, fallback: SpatialReference | undefined) {
  const reference = parseSpatialReference(location.spatialReference ?? fallback ?? 4326);
  if (!reference.ok)
    throw new GeocoderError('arcgis', 'bad_response', `answered in ${reference.error.message}`);
  if (reference.code === 'EPSG:4326') return { lat: location.y, long: location.x };
  return toWgs84(location.x, location.y, reference.code);
}

function toResult(candidate: Candidate, reference: SpatialReference | undefined): GeocodeResult | undefined {
  const location = candidate.location;
  if (!location || !Number.isFinite(location.x) || !Number.isFinite(location.y)) return undefined;
  const attributes = candidate.attributes ?? {};
  const zipcode =
    typeof attributes.Postal === 'string' && attributes.Postal !== '' ? attributes.Postal : undefined;
  const accuracy = typeof attributes.Addr_type === 'string' ? attributes.Addr_type : undefined;
  return {
    ...wgs84Of(location, reference),
    address: candidate.address ?? (typeof attributes.Match_addr === 'string' ? attributes.Match_addr : ''),
    ...(zipcode !== undefined && { zipcode }),
    source: 'arcgis',
    score: candidate.score ?? 100,
    ...(accuracy !== undefined && { accuracy }),
  };
}

/** A Geocoder over ArcGIS's World Geocoding Service (or an on-premises GeocodeServer at baseUrl). */
export function createArcgisGeocoder(config: HostedGeocoderConfig & { maxLocations?: number }): Geocoder {
  const request = async (operation: string, params: Record<string, string>) => {
    const url = new URL(`${servicePath}/${operation}`, config.baseUrl);
    for (const [name, value] of Object.entries({ ...params, f: 'json', token: config.apiKey }))
      url.searchParams.set(name, value);
    const response = (await fetchGeocoderJson('arcgis', url, config.timeoutMs)) as ArcgisResponse;
    return response;
  };
  return {
    source: 'arcgis',
    async geocode(address) {
      const response = await request('findAddressCandidates', {
        SingleLine: address,
        outFields: 'Addr_type,Postal,Match_addr',
        maxLocations: String(config.maxLocations ?? 5),
      });
      throwIfError(response);
      return (response.candidates ?? [])
        .flatMap((candidate) => toResult(candidate, response.spatialReference) ?? [])
        .sort((a, b) => b.score - a.score);
    },
    async reverse(lat, long) {
      const response = await request('reverseGeocode', { location: `${long},${lat}` });
      // "Unable to find address for the specified location." is ArcGIS's way of saying none.
      const error = response.error;
      if (error?.code === 400 && /unable to find/i.test([error.message, ...(error.details ?? [])].join(' ')))
        return [];
      throwIfError(response);
      const result =
        response.location &&
        toResult({ location: response.location, attributes: response.address ?? {} }, undefined);
      return result ? [result] : [];
    },
  };
}
