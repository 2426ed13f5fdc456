import type { AttributeDefinition } from '@civicdesk/schemas';
import { describe, expect, it } from 'vitest';
import { readEmailBody } from './read-email-body.js';

const attributes: AttributeDefinition[] = [
  { code: 'depth_cm', variable: true, datatype: 'number', required: true, order: 1, description: 'Depth' },
  {
    code: 'location_type',
    variable: true,
    datatype: 'singlevaluelist',
    required: true,
    order: 2,
    description: 'Where is it?',
    values: [
      { key: 'road', name: 'Road' },
      { key: 'park_path', name: 'Path in a park' },
    ],
  },
];

describe('readEmailBody', () => {
  it('reads location, answers and description, leaving out the signature and quoted text', () => {
    const body = [
      'Hello,',
      'Address: 742 Evergreen Terrace',
      'Depth cm: 12',
      'Location type: path in a park',
      'Note: it is getting worse.',
      '> an older message',
      '',
      '-- ',
      'Homer, 217-555-0100',
    ].join('\r\n');
    expect(readEmailBody(body, attributes)).toEqual({
      address_string: '742 Evergreen Terrace',
      attributes: { depth_cm: '12', location_type: 'park_path' },
      description: 'Hello,\nNote: it is getting worse.',
    });
  });

  it('reads "Location: lat, long" as a point and anything else there as an address', () => {
    expect(readEmailBody('Location: 39.7817, -89.6501', [])).toMatchObject({
      lat: '39.7817',
      long: '-89.6501',
    });
    expect(readEmailBody('Location: corner of Elm and 5th', [])).toMatchObject({
      address_string: 'corner of Elm and 5th',
    });
  });

  it('stops at an "On … wrote:" reply header', () => {
    expect(
      readEmailBody('Still broken.\nOn Mon, 1 Dec 2026, 311 wrote:\nYour request…', []).description,
    ).toBe('Still broken.');
  });
});
