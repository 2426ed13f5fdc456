import { describe, expect, it } from 'vitest';
import { attributeDefinition } from './catalogue.js';
import { intakeErrors, intakeFields, intakeInput, parseIntake } from './intake.js';

const valid = { service_code: 'pothole', lat: 39.7817, long: -89.6501, channel: 'web' };

describe('intakeErrors', () => {
  it('returns no errors for a good submission, with numbers read from form strings', () => {
    expect(intakeErrors(valid)).toEqual([]);
    const parsed = parseIntake({ ...valid, lat: ' 39.78 ', long: '-89.65', channel: 'open311' });
    expect(parsed.ok && [parsed.intake.lat, parsed.intake.long]).toEqual([39.78, -89.65]);
  });

  it('asks for long when only lat is sent, and for lat when only long is', () => {
    expect(intakeErrors({ ...valid, long: undefined })).toEqual([
      {
        field: 'long',
        message:
          'Send long together with lat: a point needs both, in WGS84 decimal degrees (e.g. long=-89.6501)',
      },
    ]);
    expect(intakeErrors({ ...valid, lat: '' })[0]?.field).toBe('lat');
  });

  it('asks for a location when there is none, naming every way to give one', () => {
    expect(intakeErrors({ service_code: 'pothole', channel: 'sms', address_string: ' ' })).toEqual([
      {
        field: 'location',
        message: 'Say where the problem is: send lat and long, an address_string, or an address_id',
      },
    ]);
    expect(intakeErrors({ service_code: 'pothole', channel: 'sms', address_string: '1 Main St' })).toEqual(
      [],
    );
    expect(intakeErrors({ service_code: 'pothole', channel: 'phone', address_id: '8812' })).toEqual([]);
  });

  it('accepts lat, long and address_string together (Chicago-style clients)', () => {
    expect(intakeErrors({ ...valid, address_string: '1 Main St' })).toEqual([]);
  });

  it('explains coordinates that are not numbers or out of range', () => {
    expect(intakeErrors({ ...valid, lat: 'north', long: 200 })).toEqual([
      { field: 'lat', message: 'lat must be a decimal number of degrees such as 39.7817; "north" is not' },
      { field: 'long', message: 'long must be between -180 and 180 degrees; 200 is outside' },
    ]);
  });

  it('counts description length in characters and says how far to shorten', () => {
    expect(intakeErrors({ ...valid, description: 'é'.repeat(4000) })).toEqual([]);
    expect(intakeErrors({ ...valid, description: '🕳️'.repeat(2001) })).toEqual([
      { field: 'description', message: 'Description is 4002 characters; shorten it to 4000 or fewer' },
    ]);
  });

  it('rejects markup in the description but not a lone angle bracket', () => {
    expect(intakeErrors({ ...valid, description: 'Deep <script>alert(1)</script>' })).toEqual([
      {
        field: 'description',
        message: 'Description cannot contain markup such as <script>; write plain text',
      },
    ]);
    expect(intakeErrors({ ...valid, description: 'depth < 5cm, width > 30cm' })).toEqual([]);
  });

  it('explains a malformed email, phone, media_url and channel; blank optional fields are absent', () => {
    const errors = intakeErrors({
      ...valid,
      email: 'resident@',
      phone: 'call me',
      media_url: 'javascript:alert(1)',
      channel: 'fax',
      first_name: '',
    });
    expect(errors).toEqual([
      { field: 'email', message: '"resident@" is not an email address; write it like name@example.org' },
      {
        field: 'phone',
        message: '"call me" is not a phone number; use digits, spaces, +, -, ( and ), e.g. +1 217 555 0100',
      },
      {
        field: 'media_url',
        message:
          'media_url must be a web address starting with http:// or https://; "javascript:alert(1)" is not',
      },
      { field: 'channel', message: 'channel must be one of web, open311, email, sms, chat or phone' },
    ]);
    expect(intakeErrors({ ...valid, email: '', phone: '+1 (217) 555-0100 x12' })).toEqual([]);
  });

  it('reports a missing service_code, the location and bad attributes in one answer', () => {
    const depth = attributeDefinition.parse({
      code: 'depth_cm',
      datatype: 'number',
      required: true,
      order: 1,
      description: 'How deep is it?',
    });
    const errors = intakeErrors({ channel: 'web', email: 'x', attributes: { depth_cm: 'deep' } }, [depth]);
    expect(errors.map((error) => error.field)).toEqual([
      'service_code',
      'email',
      'location',
      'attribute[depth_cm]',
    ]);
  });

  it('returns typed attribute answers when everything is valid', () => {
    const depth = attributeDefinition.parse({
      code: 'depth_cm',
      datatype: 'number',
      order: 1,
      description: 'Depth',
    });
    const result = parseIntake({ ...valid, attributes: { depth_cm: '12' } }, [depth]);
    expect(result).toMatchObject({ ok: true, attributes: { depth_cm: 12 } });
  });

  it('answers a body that is not an object with one error', () => {
    expect(intakeErrors(null)).toEqual([
      {
        field: 'request',
        message: 'Send the report as fields such as service_code, lat, long and description',
      },
    ]);
  });
});

describe('intakeFields', () => {
  it('can be narrowed by a form that sets the channel itself', () => {
    const form = intakeFields.omit({ channel: true });
    expect(form.safeParse({ service_code: 'pothole', address_id: '1' }).success).toBe(true);
    expect(intakeInput.safeParse({ service_code: 'pothole', address_id: '1' }).success).toBe(false);
  });
});
