import { describe, expect, it } from 'vitest';
import { captureTime } from './exif-facts.js';

describe('captureTime', () => {
  it('reads a time without offset in the jurisdiction zone, across daylight saving time', () => {
    expect(captureTime('2026:01:15 08:00:00', undefined, 'America/Chicago')?.toISOString()).toBe(
      '2026-01-15T14:00:00.000Z',
    );
    expect(captureTime('2026:07:15 08:00:00', undefined, 'America/Chicago')?.toISOString()).toBe(
      '2026-07-15T13:00:00.000Z',
    );
  });

  it('prefers the offset the camera wrote', () => {
    expect(captureTime('2026:07:15 08:00:00', '+02:00', 'America/Chicago')?.toISOString()).toBe(
      '2026-07-15T06:00:00.000Z',
    );
  });

  it('ignores values that are not EXIF times', () => {
    expect(captureTime('yesterday', undefined, 'UTC')).toBeUndefined();
    expect(captureTime('0000:00:00 00:00:00', undefined, 'UTC')).toBeUndefined();
    expect(captureTime(42, undefined, 'UTC')).toBeUndefined();
  });
});
