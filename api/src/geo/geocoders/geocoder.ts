/**
 * The port every geocoder adapter implements (Google, ArcGIS, the offline address book), and the
 * one location shape they all answer in, whatever the provider's own format.
 */
export type GeocoderSource = 'google' | 'arcgis' | 'offline';

/** One candidate location, normalised across providers. */
export interface NormalisedLocation {
  lat: number;
  long: number;
  /** The provider's one-line address for the point. */
  address: string;
  /** The city's own address id (offline address points only). */
  address_id?: string;
  zipcode?: string;
  source: GeocoderSource;
  /** Confidence 0–100: 100 is an exact address point, below ~80 a guess worth only a suggestion. */
  score: number;
  /** The provider's own precision label, e.g. `ROOFTOP` (Google) or `PointAddress` (ArcGIS). */
  accuracy?: string;
}
export type GeocodeResult = NormalisedLocation;

export interface Geocoder {
  readonly source: GeocoderSource;
  /** Candidates for a free-text address, best first; empty when the provider found nothing. */
  geocode(address: string): Promise<GeocodeResult[]>;
  /** Addresses at or near a point, nearest first. */
  reverse?(lat: number, long: number): Promise<GeocodeResult[]>;
}

/** Why a provider could not answer (not "no match": that is an empty list). */
export type GeocoderFailure =
  'quota' | 'denied' | 'invalid_request' | 'unavailable' | 'timeout' | 'bad_response';

/** A provider failure with a message an operator can act on (key, quota, outage). */
export class GeocoderError extends Error {
  constructor(
    readonly source: GeocoderSource,
    readonly failure: GeocoderFailure,
    message: string,
  ) {
    super(`${source} geocoder: ${message}`);
    this.name = 'GeocoderError';
  }
}

/** Where and how to reach a hosted geocoder; read from the typed config, never from process.env here. */
export interface HostedGeocoderConfig {
  /** e.g. `https://maps.googleapis.com` or `https://geocode-api.arcgis.com`; a local stand-in in tests. */
  baseUrl: string;
  apiKey: string;
  /** Give up after this long (default 5000 ms): intake must not hang on a slow provider. */
  timeoutMs?: number;
}
