import { describe, expect, it } from 'vitest';
import type { CatalogueService } from '../service-catalogue.js';
import { matchService } from './match-service.js';

const service = (code: string, name: string, keywords: string[]): CatalogueService => ({
  code,
  name,
  keywords,
  attributes: [],
});
const catalogue = [
  service('pothole', 'Pothole', ['road', 'street', 'hole', 'pavement']),
  service('streetlight-out', 'Streetlight out', ['light', 'lamp', 'dark']),
  service('graffiti', 'Graffiti', ['paint', 'tag', 'vandalism']),
];

describe('matchService', () => {
  it('takes the service from a <code>@ recipient first', () => {
    expect(
      matchService(['report@311.city.gov', 'Graffiti@311.city.gov'], undefined, 'Pothole', catalogue),
    ).toBe('graffiti');
  });

  it('then from a Service: line, by code, name or words', () => {
    expect(matchService(['report@x'], 'Streetlight out', 'Pothole', catalogue)).toBe('streetlight-out');
    expect(matchService(['report@x'], 'the lamp is dark', '', catalogue)).toBe('streetlight-out');
  });

  it('then from the subject: the name weighs more than keywords; a tie names nothing', () => {
    expect(matchService(['report@x'], undefined, 'Pothole on Elm Street', catalogue)).toBe('pothole');
    expect(matchService(['report@x'], undefined, 'Dark lamp on my street', catalogue)).toBe(
      'streetlight-out',
    );
    expect(matchService(['report@x'], undefined, 'paint on the road', catalogue)).toBeUndefined();
    expect(matchService(['report@x'], undefined, 'Hello', catalogue)).toBeUndefined();
  });
});
