import { describe, expect, it } from 'vitest';
import {
  attributeDefinition,
  serviceConfig,
  serviceDefinition,
  toOpen311Service,
  toServiceDefinition,
  type AttributeDefinition,
} from './catalogue.js';

const depth = {
  code: 'depth_cm',
  datatype: 'number',
  required: true,
  order: 1,
  description: 'How deep is it (cm)?',
};
const size = {
  code: 'size',
  datatype: 'singlevaluelist',
  order: 2,
  description: 'How big is it?',
  values: [
    { key: 'small', name: 'Smaller than a plate' },
    { key: 'large', name: 'Larger than a plate' },
  ],
};

const messages = (result: { error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe('attributeDefinition', () => {
  it.each(['string', 'number', 'datetime', 'text'])('accepts a %s attribute without values', (datatype) => {
    const parsed = attributeDefinition.parse({ ...depth, datatype });
    expect(parsed).toMatchObject({ variable: true, required: true, datatype });
  });

  it.each(['singlevaluelist', 'multivaluelist'])('accepts a %s attribute with values', (datatype) => {
    expect(attributeDefinition.parse({ ...size, datatype }).values).toHaveLength(2);
  });

  it.each(['singlevaluelist', 'multivaluelist'])('asks for choices when a %s has none', (datatype) => {
    for (const values of [undefined, []]) {
      const result = attributeDefinition.safeParse({ ...size, datatype, values });
      expect(messages(result)).toEqual([
        `Attribute 'size' is a ${datatype}; list its choices under values, e.g. [{ key: small, name: Small }]`,
      ]);
    }
  });

  it('forbids values on a datatype that is not a list', () => {
    const result = attributeDefinition.safeParse({ ...depth, values: [{ key: 'a', name: 'A' }] });
    expect(messages(result)).toEqual([
      "Attribute 'depth_cm' is a number; remove values, which only list datatypes use",
    ]);
  });

  it('rejects repeated choice keys, unknown datatypes and orders below 1', () => {
    const twice = attributeDefinition.safeParse({ ...size, values: [size.values[0], size.values[0]] });
    expect(messages(twice)).toEqual([
      "Choice key 'small' appears twice in attribute 'size'; keys must be unique",
    ]);
    expect(attributeDefinition.safeParse({ ...depth, datatype: 'boolean' }).success).toBe(false);
    expect(messages(attributeDefinition.safeParse({ ...depth, order: 0 }))).toEqual([
      'Order is a positive whole number: 1, 2, 3, …',
    ]);
  });
});

describe('serviceDefinition and serviceConfig', () => {
  it('requires attribute orders and codes to be unique within a service', () => {
    const result = serviceDefinition.safeParse({
      service_code: 'pothole',
      attributes: [depth, { ...size, order: 1 }, { ...depth, order: 3 }],
    });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      [
        'attributes.1.order',
        "Order 1 is used by both 'depth_cm' and 'size'; give each attribute its own order",
      ],
      ['attributes.2.code', "Attribute code 'depth_cm' is used twice; give each attribute its own code"],
    ]);
  });

  it('keeps CivicDesk fields beside the Open311 ones and derives the Open311 views', () => {
    const config = serviceConfig.parse({
      service_code: 'pothole',
      service_name: 'Pothole',
      keywords: ['road', 'street'],
      group: 'Streets',
      department: 'streets',
      service_notice: 'We inspect within 3 working days.',
      expected_sla: 'P3D',
      attributes: [size, depth],
    });
    expect(toOpen311Service(config)).toEqual({
      service_code: 'pothole',
      service_name: 'Pothole',
      description: '',
      metadata: true,
      type: 'realtime',
      keywords: ['road', 'street'],
      group: 'Streets',
    });
    expect(toServiceDefinition(config).attributes.map((a: AttributeDefinition) => a.code)).toEqual([
      'depth_cm',
      'size',
    ]);
    expect(toOpen311Service({ ...config, attributes: [] }).metadata).toBe(false);
  });

  it('rejects an expected_sla that is not an ISO duration and a blank department', () => {
    const result = serviceConfig.safeParse({
      service_code: 'pothole',
      service_name: 'Pothole',
      department: '',
      expected_sla: '3 days',
    });
    expect(messages(result)).toEqual([
      'Name the department that owns the service, e.g. streets',
      'Write a duration in ISO 8601 form, e.g. P3D (3 days) or PT4H (4 hours)',
    ]);
  });
});
