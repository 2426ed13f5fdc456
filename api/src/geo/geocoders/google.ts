/**
 * Google Geocoding API adapter (`/maps/api/geocode/json`): forward and reverse geocoding, its
 * status codes mapped to GeocoderErrors and its results to NormalisedLocation.
 * @see https://developers.google.com/maps/documentation/geocoding/requests-geocoding
 */
import { fetchGeocoderJson } from './fetch-json.js';
import { GeocoderError, type GeocodeResult, type Geocoder, type HostedGeocoderConfig } from './geocoder.js';

interface GoogleResult {
  formatted_address?: string;
  address_components?: { long_name: string; short_name: string; types: string[] }[];
  geometry?: { location?: { lat: number; lng: number }; location_type?: string };
  partial_match?: boolean;
}
interface GoogleResponse {
  status?: string;
  error_message?: string;
  results?: GoogleResult[];
}

// How precise Google says a result is, as a 0–100 score comparable with the other providers.
const scoreByLocationType: Record<string, number> = {
  ROOFTOP: 100,
  RANGE_INTERPOLATED: 90,
  GEOMETRIC_CENTER: 70,
  APPROXIMATE: 50,
};

function toResult(result: GoogleResult): GeocodeResult | undefined {
  const location = result.geometry?.location;
  if (!location || !Number.isFinite(location.lat) || !Number.isFinite(location.lng)) return undefined;
  const accuracy = result.geometry?.location_type ?? 'APPROXIMATE';
  const zipcode = result.address_components?.find((c) => c.types.includes('postal_code'))?.long_name;
  return {
    lat: location.lat,
    long: location.lng,
    address: result.formatted_address ?? '',
    ...(zipcode !== undefined && { zipcode }),
    source: 'google',
    score: Math.max(0, (scoreByLocationType[accuracy] ?? 50) - (result.partial_match ? 20 : 0)),
    accuracy,
  };
}

function resultsOf(body: unknown): GeocodeResult[] {
  const response = body as GoogleResponse;
  const detail = response.error_message ? ` (${response.error_message})` : '';
  switch (response.status) {
    case 'OK':
      return (response.results ?? []).flatMap((result) => toResult(result) ?? []);
    case 'ZERO_RESULTS':
      return [];
    case 'OVER_QUERY_LIMIT':
    case 'OVER_DAILY_LIMIT':
      throw new GeocoderError('google', 'quota', `${response.status}: the key's quota is used up${detail}`);
    case 'REQUEST_DENIED':
      throw new GeocoderError('google', 'denied', `REQUEST_DENIED: check the API key and its APIs${detail}`);
    case 'INVALID_REQUEST':
      throw new GeocoderError('google', 'invalid_request', `INVALID_REQUEST${detail}`);
    case 'UNKNOWN_ERROR':
      throw new GeocoderError('google', 'unavailable', `UNKNOWN_ERROR: a server error, try again${detail}`);
    default:
      throw new GeocoderError(
        'google',
        'bad_response',
        `unexpected status ${String(response.status)}${detail}`,
      );
  }
}

/** A Geocoder over Google's Geocoding API; `bounds` biases results towards the jurisdiction. */
export function createGoogleGeocoder(
  config: HostedGeocoderConfig & {
    bounds?: { minLng: number; minLat: number; maxLng: number; maxLat: number };
  },
): Geocoder {
  const request = async (params: Record<string, string>) => {
    const url = new URL('/maps/api/geocode/json', config.baseUrl);
    for (const [name, value] of Object.entries({ ...params, key: config.apiKey }))
      url.searchParams.set(name, value);
    return resultsOf(await fetchGeocoderJson('google', url, config.timeoutMs));
  };
  const bounds = config.bounds;
  return {
    source: 'google',
    geocode: (address) =>
      request({
        address,
        ...(bounds && { bounds: `${bounds.minLat},${bounds.minLng}|${bounds.maxLat},${bounds.maxLng}` }),
      }),
    reverse: (lat, long) => request({ latlng: `${lat},${long}` }),
  };
}
