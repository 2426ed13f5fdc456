import { describe, expect, it } from 'vitest';
import { BadCursorError, decodeCursor, encodeCursor } from './queue-cursor.js';
import { countFacets, type FacetCombination } from './queue-facets.js';
import { ageBucketAt, slaStateAt } from './sla-window.js';

const combo = (values: Partial<FacetCombination>, n: number): FacetCombination => ({
  status: 'open',
  assignee: 'unassigned',
  service: 's1',
  district: 'd1',
  sla: 'on_time',
  age: 'day',
  ...values,
  n,
});

describe('countFacets', () => {
  const combinations = [
    combo({}, 5),
    combo({ service: 's2' }, 3),
    combo({ service: 's2', sla: 'overdue' }, 2),
    combo({ status: 'claimed', assignee: 'mine', sla: 'overdue' }, 1),
  ];

  it('counts every value of every facet without filters', () => {
    const counts = countFacets(combinations, {});
    expect(counts.total).toBe(11);
    expect(counts.service).toEqual({ s1: 6, s2: 5 });
    expect(counts.sla).toEqual({ on_time: 8, overdue: 3 });
    expect(counts.status).toEqual({ open: 10, claimed: 1 });
  });

  it("leaves each facet's own filter out of its counts, and applies the others", () => {
    const counts = countFacets(combinations, { service: 's2', sla: 'overdue' });
    expect(counts.total).toBe(2);
    // service ignores the service filter but applies sla = overdue
    expect(counts.service).toEqual({ s1: 1, s2: 2 });
    // sla ignores the sla filter but applies service = s2
    expect(counts.sla).toEqual({ on_time: 3, overdue: 2 });
    expect(counts.assignee).toEqual({ unassigned: 2 });
  });
});

describe('queue cursors', () => {
  const cursor = {
    sort: 'service' as const,
    asOf: new Date('2026-12-04T18:00:00.000Z'),
    id: '3f9a3c9e-9f51-4b8e-8a57-1c1e5b0b2a07',
    dueAt: null,
    createdAt: 1_765_000_000_000,
    serviceId: '3f9a3c9e-9f51-4b8e-8a57-1c1e5b0b2a03',
  };

  it('round-trips and refuses another order or a forgery', () => {
    expect(decodeCursor(encodeCursor(cursor), 'service')).toEqual(cursor);
    expect(() => decodeCursor(encodeCursor(cursor), 'due')).toThrow(/belongs to the 'service' order/);
    expect(() => decodeCursor('not-a-cursor', 'due')).toThrow(BadCursorError);
    const forged = Buffer.from(JSON.stringify([1, 'due', 0, "x' OR 1=1", null, 0, null])).toString(
      'base64url',
    );
    expect(() => decodeCursor(forged, 'due')).toThrow(/not a cursor/);
  });
});

describe('SLA states and ages', () => {
  const asOf = new Date('2026-12-04T12:00:00Z');
  it('judges due dates and ages at one instant', () => {
    expect(slaStateAt(null, asOf)).toBe('none');
    expect(slaStateAt(new Date('2026-12-04T11:59:59Z'), asOf)).toBe('overdue');
    expect(slaStateAt(new Date('2026-12-05T11:59:59Z'), asOf)).toBe('due_soon');
    expect(slaStateAt(new Date('2026-12-05T12:00:00Z'), asOf)).toBe('on_time');
    expect(ageBucketAt(new Date('2026-12-04T00:00:00Z'), asOf)).toBe('day');
    expect(ageBucketAt(new Date('2026-12-01T00:00:00Z'), asOf)).toBe('week');
    expect(ageBucketAt(new Date('2026-11-10T00:00:00Z'), asOf)).toBe('month');
    expect(ageBucketAt(new Date('2026-10-01T00:00:00Z'), asOf)).toBe('older');
  });
});
