import { describe, expect, it } from 'vitest';
import { attributeDefinition, validateAttributeValues } from './catalogue.js';

const attributes = [
  {
    code: 'depth_cm',
    datatype: 'number',
    required: true,
    order: 1,
    description: 'How deep is it?',
    datatype_description: 'centimetres, e.g. 12',
  },
  { code: 'seen_at', datatype: 'datetime', order: 2, description: 'When did you see it?' },
  { code: 'landmark', datatype: 'string', order: 3, description: 'Nearest landmark' },
  { code: 'details', datatype: 'text', order: 4, description: 'Anything else?' },
  {
    code: 'size',
    datatype: 'singlevaluelist',
    order: 5,
    description: 'How big is it?',
    values: [
      { key: 'small', name: 'Small' },
      { key: 'large', name: 'Large' },
    ],
  },
  {
    code: 'hazards',
    datatype: 'multivaluelist',
    required: true,
    order: 6,
    description: 'What hazards are there?',
    values: [
      { key: 'water', name: 'Standing water' },
      { key: 'traffic', name: 'Heavy traffic' },
      { key: 'bikes', name: 'Bike lane' },
    ],
  },
  { variable: false, code: 'notice', datatype: 'string', order: 7, description: 'Crews work weekdays only.' },
].map((attribute) => attributeDefinition.parse(attribute));

const check = (submitted: Record<string, string | string[]>) =>
  validateAttributeValues(attributes, submitted);

describe('validateAttributeValues', () => {
  it('types every datatype: numbers as numbers, multivaluelist as a list', () => {
    const result = check({
      depth_cm: ' 12.5 ',
      seen_at: '2025-03-01T14:30:00-05:00',
      landmark: 'By the bakery',
      details: 'Line one\nline two',
      size: 'large',
      hazards: ['water', 'bikes', 'water'],
    });
    expect(result).toEqual({
      values: {
        depth_cm: 12.5,
        seen_at: '2025-03-01T14:30:00-05:00',
        landmark: 'By the bakery',
        details: 'Line one\nline two',
        size: 'large',
        hazards: ['water', 'bikes'],
      },
      errors: [],
    });
  });

  it('accepts a single string for a multivaluelist and a one-item list for a single value', () => {
    expect(check({ depth_cm: ['7'], hazards: 'traffic' }).values).toEqual({
      depth_cm: 7,
      hazards: ['traffic'],
    });
  });

  it('names each required attribute that is missing or blank', () => {
    expect(check({ depth_cm: '  ', hazards: [] }).errors).toEqual([
      { field: 'attribute[depth_cm]', message: 'Answer "How deep is it?"; it is required.' },
      {
        field: 'attribute[hazards]',
        message: 'Choose at least one answer to "What hazards are there?"; it is required.',
      },
    ]);
  });

  it('explains a value that is not a number, using the datatype description as the hint', () => {
    expect(check({ depth_cm: '12cm', hazards: 'water' }).errors).toEqual([
      {
        field: 'attribute[depth_cm]',
        message: 'Answer "How deep is it?" with a number (centimetres, e.g. 12); "12cm" is not a number.',
      },
    ]);
  });

  it('requires a datetime with a zone', () => {
    const { errors } = check({ depth_cm: '3', hazards: 'water', seen_at: '2025-03-01T14:30:00' });
    expect(errors).toEqual([
      {
        field: 'attribute[seen_at]',
        message:
          '"When did you see it?": "2025-03-01T14:30:00" is not a date and time with a zone; write it like 2025-03-01T14:30:00-05:00 or 2025-03-01T19:30:00Z.',
      },
    ]);
    expect(check({ depth_cm: '3', hazards: 'water', seen_at: '2025-03-01T19:30:00Z' }).errors).toEqual([]);
  });

  it('lists the allowed keys when a choice is not in the list', () => {
    const { errors } = check({ depth_cm: '3', size: 'huge', hazards: ['water', 'fire', 'ice'] });
    expect(errors).toEqual([
      {
        field: 'attribute[size]',
        message: '"huge" is not a choice for "How big is it?"; pick from: small, large.',
      },
      {
        field: 'attribute[hazards]',
        message:
          '"fire", "ice" are not choices for "What hazards are there?"; pick from: water, traffic, bikes.',
      },
    ]);
  });

  it('refuses several answers where one is expected', () => {
    const { errors } = check({ depth_cm: ['3', '4'], size: ['small', 'large'], hazards: 'water' });
    expect(errors).toEqual([
      { field: 'attribute[depth_cm]', message: '"How deep is it?" takes a single answer; send it once.' },
      {
        field: 'attribute[size]',
        message: '"How big is it?" takes one choice; send only one of: small, large.',
      },
    ]);
  });

  it('rejects unknown attribute codes and answers to information-only attributes', () => {
    const { errors } = check({ depth_cm: '3', hazards: 'water', colour: 'grey', notice: 'ok', blank: '' });
    expect(errors).toEqual([
      {
        field: 'attribute[colour]',
        message:
          'attribute[colour] is not a question of this service; remove it or use one of: depth_cm, seen_at, landmark, details, size, hazards.',
      },
      {
        field: 'attribute[notice]',
        message: 'attribute[notice] is information for residents, not a question; remove it.',
      },
    ]);
    expect(validateAttributeValues([], { colour: 'grey' }).errors[0]?.message).toBe(
      'attribute[colour] is not a question of this service, which asks none; remove it.',
    );
  });
});
