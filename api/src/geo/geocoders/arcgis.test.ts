import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haversineMetres } from '../haversine.js';
import { createArcgisGeocoder } from './arcgis.js';
import { startRecordedGeocoderServer, type RecordedGeocoderServer } from './recorded-geocoder-server.js';

let server: RecordedGeocoderServer;
beforeAll(async () => {
  server = await startRecordedGeocoderServer();
});
afterAll(async () => {
  await server?.close();
});

const geocoder = () =>
  createArcgisGeocoder({ baseUrl: server.baseUrl, apiKey: 'arcgis-token', timeoutMs: 300 });
const cityHall = { lat: 39.79939, long: -89.6475 };

describe('ArcGIS World Geocoding adapter over recorded responses', () => {
  it('sends findAddressCandidates with the token and normalises candidates', async () => {
    server.answer({ fixture: 'arcgis-find-candidates.json' });
    const results = await geocoder().geocode('300 S 7th St, Springfield, IL');
    const sent = server.requests.at(-1)!;
    expect(sent.pathname).toBe('/arcgis/rest/services/World/GeocodeServer/findAddressCandidates');
    expect(sent.searchParams.get('SingleLine')).toBe('300 S 7th St, Springfield, IL');
    expect(sent.searchParams.get('token')).toBe('arcgis-token');
    expect(sent.searchParams.get('f')).toBe('json');
    expect(results.map((r) => [r.score, r.accuracy])).toEqual([
      [100, 'PointAddress'],
      [97.37, 'StreetAddress'],
      [86.5, 'StreetName'],
    ]);
    expect(results[0]).toEqual({
      ...cityHall,
      address: '300 S 7th St, Springfield, Illinois, 62701',
      zipcode: '62701',
      source: 'arcgis',
      score: 100,
      accuracy: 'PointAddress',
    });
  });

  it('converts an answer in wkid 102100 (Web Mercator) to WGS84', async () => {
    server.answer({ fixture: 'arcgis-find-candidates-102100.json' });
    const [first] = await geocoder().geocode('300 S 7th St, Springfield, IL');
    expect(haversineMetres(first!, cityHall)).toBeLessThan(0.01);
  });

  it('answers no candidates with an empty list', async () => {
    server.answer({ fixture: 'arcgis-no-candidates.json' });
    expect(await geocoder().geocode('1 Nowhere Lane')).toEqual([]);
  });

  it('reverse-geocodes, and treats "unable to find address" as none', async () => {
    server.answer({ fixture: 'arcgis-reverse.json' });
    const [found] = await geocoder().reverse!(cityHall.lat, cityHall.long);
    expect(server.requests.at(-1)!.searchParams.get('location')).toBe('-89.6475,39.79939');
    expect(found).toMatchObject({ address: '300 S 7th St, Springfield, Illinois, 62701', zipcode: '62701' });
    server.answer({ fixture: 'arcgis-reverse-none.json' });
    expect(await geocoder().reverse!(0, 0)).toEqual([]);
  });

  it('maps an error object sent with HTTP 200, HTTP 500 and a timeout to clear errors', async () => {
    server.answer({ fixture: 'arcgis-invalid-token.json' });
    await expect(geocoder().geocode('x')).rejects.toMatchObject({
      source: 'arcgis',
      failure: 'denied',
      message: 'arcgis geocoder: error 498: Invalid Token; check the API key',
    });
    server.answer({ status: 500 });
    await expect(geocoder().geocode('x')).rejects.toMatchObject({ failure: 'unavailable' });
    server.answer({ status: 429, body: '{}' });
    await expect(geocoder().geocode('x')).rejects.toMatchObject({ failure: 'quota' });
    server.answer({ delayMs: 2000, fixture: 'arcgis-find-candidates.json' });
    await expect(geocoder().geocode('x')).rejects.toMatchObject({ failure: 'timeout' });
  });
});
