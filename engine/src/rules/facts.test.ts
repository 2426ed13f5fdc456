import { describe, expect, it } from 'vitest';
import { buildFacts, withVariables } from './facts.js';

describe('buildFacts', () => {
  it('flattens a request into dotted fact names', () => {
    const facts = buildFacts(
      {
        service_code: 'pothole',
        description: 'Deep hole',
        channel: 'web',
        lat: 51.5,
        long: -0.12,
        attributes: { depth_cm: 12, lanes: ['left'] },
        location: { district: 'north' },
      },
      { crew_size: 2 },
    );
    expect(facts).toEqual({
      service_code: 'pothole',
      description: 'Deep hole',
      channel: 'web',
      lat: 51.5,
      long: -0.12,
      'attributes.depth_cm': 12,
      'attributes.lanes': ['left'],
      'location.district': 'north',
      'variables.crew_size': 2,
    });
  });
  it('skips undefined fields, keeps nulls and writes dates as ISO strings', () => {
    expect(
      buildFacts({
        service_code: 'x',
        description: undefined,
        lat: null,
        requested_at: new Date('2025-01-02T03:04:05Z'),
      }),
    ).toEqual({
      service_code: 'x',
      lat: null,
      requested_at: '2025-01-02T03:04:05.000Z',
    });
  });
});

describe('withVariables', () => {
  it('replaces earlier variables with the current ones', () => {
    expect(withVariables({ service_code: 'x', 'variables.old': 1 }, { now: { n: 2 } })).toEqual({
      service_code: 'x',
      'variables.now.n': 2,
    });
  });
});
