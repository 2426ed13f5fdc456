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
        message:
          'Say where the problem is: send lat and long, x and y with a spatial_reference, an address_string, or an address_id',
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

describe('public description', () => {
  const errorsFor = (description: string) =>
    intakeErrors({ ...valid, description }).filter((e) => e.field === 'description');

  it('refuses an email address, saying the text is public and to use the email field', () => {
    const [error] = errorsFor('Pothole, write to jo.smith@example.org for details');
    expect(error?.message).toMatch(/shown to the public.*jo\.smith@example\.org.*email field/);
  });

  it('refuses a phone number in any usual shape, pointing to the phone field', () => {
    for (const number of ['217-555-0100', '(217) 555 0100', '+44 20 7946 0958', '2175550100']) {
      expect(errorsFor(`call me on ${number} please`)[0]?.message).toMatch(/phone number.*phone field/);
    }
  });

  it('keeps dates, times, house numbers and measurements', () => {
    for (const text of [
      'Since 2026-03-01 at 10:30, in front of 1234 Main St',
      'About 30 cm deep and 1.5 m wide',
      'Fire hydrant leaking on 5th Street',
      'Fireworks noise every night',
    ]) {
      expect(errorsFor(text)).toEqual([]);
    }
  });

  it('answers emergency words with a pointer to call 911', () => {
    for (const text of [
      'There is a fire in the park',
      'I smell gas near the school',
      'gas leak at the corner',
      'carbon monoxide alarm going off',
      'someone is hurt on the sidewalk',
    ]) {
      expect(errorsFor(text)[0]?.message).toMatch(/emergency: call 911 now/);
    }
  });

  it('reports every problem of the description together', () => {
    expect(errorsFor('Gas leak! mail me at a@b.org or 217 555 0100')).toHaveLength(3);
  });
});
