/**
 * GET a geocoder's JSON with a deadline, turning transport problems into GeocoderErrors that say
 * what happened (timeout, HTTP status, not JSON) instead of a bare fetch TypeError.
 */
import { GeocoderError, type GeocoderSource } from './geocoder.js';

/** Fetches and parses JSON; rejects with a GeocoderError on timeout, network failure, HTTP error or bad JSON. */
export async function fetchGeocoderJson(
  source: GeocoderSource,
  url: URL,
  timeoutMs = 5000,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/json' },
    });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError')
      throw new GeocoderError(source, 'timeout', `no answer from ${url.host} within ${timeoutMs} ms`);
    throw new GeocoderError(source, 'unavailable', `cannot reach ${url.host}: ${(error as Error).message}`);
  }
  if (response.status === 401 || response.status === 403)
    throw new GeocoderError(source, 'denied', `HTTP ${response.status} from ${url.host}: check the API key`);
  if (response.status === 429)
    throw new GeocoderError(source, 'quota', `HTTP 429 from ${url.host}: the request quota is used up`);
  if (!response.ok)
    throw new GeocoderError(source, 'unavailable', `HTTP ${response.status} from ${url.host}`);
  try {
    return await response.json();
  } catch {
    throw new GeocoderError(source, 'bad_response', `${url.host} answered something that is not JSON`);
  }
}
