import { describe, expect, it } from 'vitest';
import { privateRequestFields, publicRequest, staffRequest } from './request.js';

const stored = {
  service_request_id: '000123',
  status: 'open',
  extended_status: 'investigating',
  service_name: 'Pothole',
  service_code: 'pothole',
  requested_datetime: '2025-03-01T14:30:00-05:00',
  lat: 39.78,
  long: -89.65,
  first_name: 'Ada',
  email: 'ada@example.org',
  phone: '+1 217 555 0100',
  device_id: 'device-1',
  account_id: 'acct-9',
};

describe('publicRequest and privateRequestFields', () => {
  it('drops the private fields when a request is shaped for the public', () => {
    const shown = publicRequest.parse(stored);
    for (const field of Object.keys(privateRequestFields.shape)) expect(shown).not.toHaveProperty(field);
    expect(shown.service_request_id).toBe('000123');
  });

  it('keeps them for staff', () => {
    expect(staffRequest.parse(stored)).toMatchObject({ first_name: 'Ada', email: 'ada@example.org' });
  });

  it('requires datetimes with a zone and string identifiers', () => {
    const result = publicRequest.safeParse({
      ...stored,
      requested_datetime: '2025-03-01T14:30:00',
      service_request_id: 123,
    });
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual([
      'service_request_id',
      'requested_datetime',
    ]);
  });
});
