import { describe, expect, it } from 'vitest';
import { geocoderConfigSchema, geocoderFromConfig } from './geocoder-from-config.js';

describe('geocoderFromConfig', () => {
  it('uses the city address points unless a hosted geocoder is configured', () => {
    expect(geocoderFromConfig(geocoderConfigSchema.parse({}))).toBeUndefined();
    const google = geocoderFromConfig(
      geocoderConfigSchema.parse({ GEOCODER: 'google', GEOCODER_API_KEY: 'k' }),
    );
    expect(typeof google?.geocode).toBe('function');
  });

  it('refuses a hosted geocoder without its key, naming the variable', () => {
    expect(() => geocoderFromConfig(geocoderConfigSchema.parse({ GEOCODER: 'arcgis' }))).toThrow(
      /GEOCODER_API_KEY/,
    );
    expect(geocoderConfigSchema.safeParse({ GEOCODER: 'bing' }).success).toBe(false);
  });
});
