import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GeocoderError } from './geocoder.js';
import { createGoogleGeocoder } from './google.js';
import { startRecordedGeocoderServer, type RecordedGeocoderServer } from './recorded-geocoder-server.js';

let server: RecordedGeocoderServer;
beforeAll(async () => {
  server = await startRecordedGeocoderServer();
});
afterAll(async () => {
  await server?.close();
});

const geocoder = () =>
  createGoogleGeocoder({
    baseUrl: server.baseUrl,
    apiKey: 'test-key',
    timeoutMs: 300,
    bounds: { minLng: -89.75, minLat: 39.7, maxLng: -89.55, maxLat: 39.87 },
  });

describe('Google Geocoding adapter over a recorded response', () => {
  it('sends the address, key and bounds, and normalises every result', async () => {
    server.answer({ fixture: 'google-geocode-ok.json' });
    const results = await geocoder().geocode('300 S 7th St, Springfield IL');
    const sent = server.requests.at(-1)!;
    expect(sent.pathname).toBe('/maps/api/geocode/json');
    expect(Object.fromEntries(sent.searchParams)).toEqual({
      address: '300 S 7th St, Springfield IL',
      key: 'test-key',
      bounds: '39.7,-89.75|39.87,-89.55',
    });
    expect(results).toEqual([
      {
        lat: 39.7993851,
        long: -89.6475023,
        address: '300 S 7th St, Springfield, IL 62701, USA',
        zipcode: '62701',
        source: 'google',
        score: 100,
        accuracy: 'ROOFTOP',
      },
      expect.objectContaining({ accuracy: 'GEOMETRIC_CENTER', score: 50 }), // 70, less 20 for partial_match
    ]);
  });

  it('reverse-geocodes with latlng', async () => {
    server.answer({ fixture: 'google-geocode-ok.json' });
    const [first] = await geocoder().reverse!(39.79938, -89.6475);
    expect(server.requests.at(-1)!.searchParams.get('latlng')).toBe('39.79938,-89.6475');
    expect(first?.address).toBe('300 S 7th St, Springfield, IL 62701, USA');
  });

  it('answers ZERO_RESULTS with no candidates', async () => {
    server.answer({ fixture: 'google-zero-results.json' });
    expect(await geocoder().geocode('1 Nowhere Lane')).toEqual([]);
  });

  it.each([
    ['google-over-query-limit.json', 'quota', /OVER_QUERY_LIMIT.*quota.*rate-limit/],
    ['google-request-denied.json', 'denied', /REQUEST_DENIED: check the API key.*invalid/],
  ])('maps %s to a %s error', async (fixture, failure, message) => {
    server.answer({ fixture });
    const error = await geocoder()
      .geocode('300 S 7th St')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeocoderError);
    expect(error).toMatchObject({ source: 'google', failure, message: expect.stringMatching(message) });
  });

  it('maps HTTP 500 and a slow answer to unavailable and timeout', async () => {
    server.answer({ status: 500 });
    await expect(geocoder().geocode('300 S 7th St')).rejects.toMatchObject({
      failure: 'unavailable',
      message: expect.stringContaining('HTTP 500'),
    });
    server.answer({ delayMs: 2000, fixture: 'google-geocode-ok.json' });
    const started = Date.now();
    await expect(geocoder().geocode('300 S 7th St')).rejects.toMatchObject({
      failure: 'timeout',
      message: expect.stringContaining('within 300 ms'),
    });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('maps an answer that is not JSON to bad_response', async () => {
    server.answer({ status: 200, body: '<html>captive portal</html>' });
    await expect(geocoder().geocode('300 S 7th St')).rejects.toMatchObject({ failure: 'bad_response' });
  });
});
