import { describe, expect, it } from 'vitest';
import { describeCondition } from './describe-condition.js';
import { factCatalogue, type ServiceInfo } from './fact-catalogue.js';
import { operatorsFor } from './operators.js';

const pothole: ServiceInfo = {
  code: 'pothole',
  name: 'Pothole',
  attributes: [
    { code: 'depth_cm', datatype: 'number' },
    { code: 'location_type', datatype: 'singlevaluelist', values: [{ key: 'bike_lane', name: 'Bike lane' }] },
  ],
};

describe('rule preview and fact catalogue', () => {
  const catalogue = factCatalogue([pothole], ['pothole'], ['variables.attempts']);

  it('types attribute facts from the service definition', () => {
    expect(catalogue.find((f) => f.name === 'attributes.depth_cm')).toMatchObject({
      type: 'number',
      label: 'depth',
      unit: 'cm',
    });
    expect(catalogue.find((f) => f.name === 'attributes.location_type')).toMatchObject({
      type: 'choice',
      label: 'location',
    });
    expect(catalogue.map((f) => f.group)).toContain('Location');
    expect(catalogue.at(-1)).toMatchObject({ name: 'variables.attempts', group: 'Variables' });
    expect(operatorsFor('number').map((o) => o.name)).toContain('greaterThanInclusive');
    expect(operatorsFor('choices').map((o) => o.name)).toEqual(['contains', 'doesNotContain']);
  });

  it('reads nested groups as a sentence', () => {
    const when = {
      all: [
        { fact: 'attributes.depth_cm', operator: 'greaterThanInclusive', value: 10 },
        { fact: 'attributes.location_type', operator: 'equal', value: 'bike_lane' },
        {
          any: [
            { fact: 'zipcode', operator: 'equal', value: '62701' },
            { not: { fact: 'channel', operator: 'equal', value: 'web' } },
          ],
        },
      ],
    };
    expect(describeCondition(when, catalogue)).toBe(
      'depth ≥ 10 cm and location is Bike lane and (ZIP code is 62701 or not (channel is web))',
    );
    expect(describeCondition({ all: [] }, catalogue)).toBe('always');
  });
});
