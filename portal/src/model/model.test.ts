import { describe, expect, it } from 'vitest';
import { localToIsoWithOffset } from './datetime-local.js';
import { displayField, errorId, fieldId } from './field-id.js';
import { filterServices, serviceGroups } from './filter-services.js';
import { humanise } from './humanise.js';
import { messagesByField } from './messages-by-field.js';
import { draftPoint, emptyDraft, toSubmission } from './report-draft.js';
import { slaState } from './sla.js';
import type { Open311Service } from '../api/open311.js';

const service = (code: string, name: string, group: string, keywords = ''): Open311Service => ({
  service_code: code,
  service_name: name,
  description: `${name} description`,
  group,
  keywords,
  type: 'realtime',
});

describe('field ids', () => {
  it('derive DOM ids from Open311 names, and put location errors on the address box', () => {
    expect(fieldId('attribute[depth_cm]')).toBe('field-attribute-depth_cm');
    expect(errorId('lat')).toBe('field-lat-error');
    expect(displayField('location')).toBe('address_string');
    expect(displayField('lat')).toBe('lat');
  });

  it('group server messages by the field that shows them', () => {
    const grouped = messagesByField([
      { field: 'location', message: 'Say where' },
      { field: 'address_id', message: 'Unknown id' },
      { field: 'attribute[depth_cm]', message: 'Answer it' },
    ]);
    expect(grouped.get('address_string')).toEqual(['Say where', 'Unknown id']);
    expect(grouped.get('attribute[depth_cm]')).toEqual(['Answer it']);
  });
});

describe('the report draft', () => {
  it('becomes an intake payload with blanks left out and values as typed', () => {
    const payload = toSubmission(
      {
        ...emptyDraft,
        serviceCode: 'pothole',
        lat: ' 39.78 ',
        long: 'abc',
        answers: { depth_cm: '12', bins: [], kinds: ['a', 'b'], note: '  ' },
      },
      new Set(),
    );
    expect(payload).toMatchObject({
      service_code: 'pothole',
      lat: '39.78',
      long: 'abc',
      attributes: { depth_cm: '12', kinds: ['a', 'b'] },
      channel: 'web',
    });
    expect(payload.description).toBeUndefined();
    expect(payload.attributes).not.toHaveProperty('bins');
  });

  it('gives datetime answers the browser offset', () => {
    const payload = toSubmission({ ...emptyDraft, answers: { at: '2026-12-01T06:30' } }, new Set(['at']));
    expect(payload.attributes.at).toMatch(/^2026-12-01T06:30:00[+-]\d\d:\d\d$/);
    expect(localToIsoWithOffset('')).toBe('');
  });

  it('has a point only when both coordinates are numbers in range', () => {
    expect(draftPoint({ lat: '39.7', long: '-89.6' })).toEqual({ lat: 39.7, long: -89.6 });
    expect(draftPoint({ lat: '39.7', long: '' })).toBeNull();
    expect(draftPoint({ lat: '91', long: '0' })).toBeNull();
    expect(draftPoint({ lat: 'x', long: '0' })).toBeNull();
  });
});

describe('service search', () => {
  const services = [
    service('pothole', 'Pothole', 'Streets', 'road,hole'),
    service('graffiti', 'Graffiti', 'Parks'),
    service('general-question', 'Ask the city a question', 'Questions'),
  ];

  it('matches every word against name, description, keywords and group', () => {
    expect(filterServices(services, 'road', '').map((s) => s.service_code)).toEqual(['pothole']);
    expect(filterServices(services, 'ASK city', '').map((s) => s.service_code)).toEqual(['general-question']);
    expect(filterServices(services, '', 'Parks').map((s) => s.service_code)).toEqual(['graffiti']);
    expect(filterServices(services, 'road', 'Parks')).toEqual([]);
    expect(serviceGroups(services)).toEqual(['Streets', 'Parks', 'Questions']);
  });
});

describe('SLA badge', () => {
  const now = new Date('2026-12-04T12:00:00Z');
  it('is overdue past the due date, due soon within a day, on track otherwise', () => {
    expect(slaState('2026-12-04T11:59:00Z', now)).toBe('overdue');
    expect(slaState('2026-12-05T11:00:00Z', now)).toBe('due-soon');
    expect(slaState('2026-12-07T12:00:00Z', now)).toBe('on-track');
    expect(slaState(null, now)).toBe('none');
  });
});

describe('humanise', () => {
  it('turns codes into words', () => {
    expect(humanise('not_found')).toBe('Not found');
    expect(humanise('needs-resurfacing')).toBe('Needs resurfacing');
  });
});
