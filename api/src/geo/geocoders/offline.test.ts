import { describe, expect, it } from 'vitest';
import { readGeoFolder } from '../geo-files.js';
import { createOfflineGeocoder } from './offline.js';

const springfield = readGeoFolder(new URL('../../../../examples/springfield/geo', import.meta.url).pathname);
const geocoder = createOfflineGeocoder(springfield.addressPoints);
const monroe = {
  lat: 39.80036,
  long: -89.645817,
  address: '273 E Monroe St',
  address_id: 'SPR-00055',
  zipcode: '62701',
  source: 'offline',
};

describe('offline geocoder over Springfield address points', () => {
  it('finds an address however it is spelled, with city and ZIP or without', async () => {
    for (const spelling of [
      '273 E Monroe St',
      '273 East Monroe Street, Springfield, IL 62701',
      '273 e. monroe st.',
    ]) {
      const [best] = await geocoder.geocode(spelling);
      expect(best).toEqual({ ...monroe, score: 100, accuracy: 'address_point' });
    }
  });

  it('scores a small misspelling high and a wrong house number low', async () => {
    const [typo] = await geocoder.geocode('273 E Monro St');
    expect(typo).toMatchObject({ address_id: 'SPR-00055' });
    expect(typo!.score).toBeGreaterThanOrEqual(80);
    const [neighbour] = await geocoder.geocode('275 E Monroe St');
    expect(neighbour).toMatchObject({ address_id: 'SPR-00055', score: 60 });
  });

  it('refuses a ZIP code that contradicts the address', async () => {
    const [best] = await geocoder.geocode('273 E Monroe St, Springfield, IL 62704');
    expect(best!.score).toBeLessThan(80);
  });

  it('suggests the closest addresses for "did you mean"', () => {
    const suggestions = geocoder.suggest('275 E Monroe St', 3).map((s) => s.address);
    expect(suggestions[0]).toBe('273 E Monroe St');
    expect(suggestions.every((address) => address.endsWith(' E Monroe St'))).toBe(true);
  });

  it('looks up address ids and the nearest address to a point', async () => {
    expect(geocoder.findById('SPR-00055')).toMatchObject(monroe);
    expect(geocoder.findById('SPR-99999')).toBeUndefined();
    const [nearest] = await geocoder.reverse(39.8004, -89.6459);
    expect(nearest).toMatchObject({ address_id: 'SPR-00055', accuracy: '8 m away' });
  });

  it('answers nothing from an empty address book', async () => {
    const empty = createOfflineGeocoder([]);
    expect(await empty.geocode('1 Main St')).toEqual([]);
    expect(await empty.reverse(39.8, -89.6)).toEqual([]);
  });
});
