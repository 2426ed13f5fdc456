/**
 * Which geocoder turns a typed address into a point: the city's own address points (offline, the
 * default and the embedded choice), or a hosted provider the city has an account with.
 */
import { z } from 'zod';
import type { Geocoder } from './geocoders/geocoder.js';
import { createArcgisGeocoder } from './geocoders/arcgis.js';
import { createGoogleGeocoder } from './geocoders/google.js';

export const geocoderConfigSchema = z.object({
  /** offline: the jurisdiction's address points; google / arcgis: the hosted service below. */
  GEOCODER: z.enum(['offline', 'google', 'arcgis']).default('offline'),
  /** Base URL of the hosted geocoder, e.g. https://maps.googleapis.com. */
  GEOCODER_URL: z.string().url().optional(),
  GEOCODER_API_KEY: z.string().min(1).optional(),
});
export type GeocoderConfig = z.infer<typeof geocoderConfigSchema>;

const defaultUrls = { google: 'https://maps.googleapis.com', arcgis: 'https://geocode-api.arcgis.com' };

/** The hosted geocoder configured, or undefined for the offline address book. */
export function geocoderFromConfig(config: GeocoderConfig): Geocoder | undefined {
  if (config.GEOCODER === 'offline') return undefined;
  if (!config.GEOCODER_API_KEY) throw new Error(`GEOCODER=${config.GEOCODER} needs GEOCODER_API_KEY.`);
  const hosted = {
    baseUrl: config.GEOCODER_URL ?? defaultUrls[config.GEOCODER],
    apiKey: config.GEOCODER_API_KEY,
  };
  return config.GEOCODER === 'google' ? createGoogleGeocoder(hosted) : createArcgisGeocoder(hosted);
}
