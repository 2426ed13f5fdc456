import { describe, expect, it } from 'vitest';
import { MAX_RESULTS, requestFilters } from './open311-request-filters.js';

const now = new Date('2026-06-01T00:00:00Z');
const filters = (q: Record<string, string>) => requestFilters('springfield.gov', q, now);

describe('requestFilters', () => {
  it('gives plain clients the last 90 days and up to 1000 results, unpaginated', () => {
    const result = filters({});
    expect(result.ok && result.query).toMatchObject({
      skip: 0,
      take: MAX_RESULTS,
      near: null,
      extensions: false,
      where: { requestedAt: { gte: new Date('2026-03-03T00:00:00Z'), lte: now } },
    });
  });

  it('paginates only when asked: page_size 50 by default, 500 at most', () => {
    const paged = filters({ page: '3' });
    expect(paged.ok && [paged.query.skip, paged.query.take]).toEqual([100, 50]);
    expect(filters({ page_size: '501' })).toEqual({
      ok: false,
      errors: ["page_size: '501' is not allowed; send a whole number from 1 to 500."],
    });
  });

  it('lets service_request_id override the other filters', () => {
    const result = filters({ service_request_id: '4,5', status: 'closed', start_date: 'junk' });
    expect(result.ok && result.query.where).toEqual({
      jurisdictionId: 'springfield.gov',
      id: { in: [4n, 5n] },
    });
  });

  it('drops the requested window for updated_after syncs, and reads lat/long/radius and bbox', () => {
    const result = filters({
      updated_after: '2026-05-01T00:00:00Z',
      lat: '39.8',
      long: '-89.6',
      bbox: '-90,39,-89,40',
    });
    expect(result.ok && result.query.where).not.toHaveProperty('requestedAt');
    expect(result.ok && result.query.near).toEqual({ lat: 39.8, long: -89.6, radiusM: 500 });
    expect(result.ok && result.query.where.lat).toEqual({ gte: 39, lte: 40 });
  });
});
