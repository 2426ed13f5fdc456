import { describe, expect, it } from 'vitest';
import { addIsoDuration } from './iso-duration.js';

describe('addIsoDuration', () => {
  const start = new Date('2026-01-30T10:00:00Z');
  it.each([
    ['P3D', '2026-02-02T10:00:00.000Z'],
    ['PT4H', '2026-01-30T14:00:00.000Z'],
    ['P1DT12H30M', '2026-01-31T22:30:00.000Z'],
    ['P1W', '2026-02-06T10:00:00.000Z'],
    ['P1M', '2026-03-02T10:00:00.000Z'],
    ['PT90S', '2026-01-30T10:01:30.000Z'],
  ])('%s', (duration, expected) => {
    expect(addIsoDuration(start, duration).toISOString()).toBe(expected);
  });

  it('refuses what is not a duration', () => {
    expect(() => addIsoDuration(start, '3 days')).toThrow(/Not an ISO 8601 duration/);
    expect(() => addIsoDuration(start, 'P')).toThrow();
    expect(() => addIsoDuration(start, 'P1DT')).toThrow();
  });
});
