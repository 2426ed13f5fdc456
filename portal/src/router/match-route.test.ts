import { describe, expect, it } from 'vitest';
import { matchRoute } from './match-route.js';

describe('matchRoute', () => {
  it('maps addresses to pages', () => {
    expect(matchRoute('/', '')).toEqual({ page: 'report' });
    expect(matchRoute('/report/', '')).toEqual({ page: 'report' });
    expect(matchRoute('/staff', '')).toEqual({ page: 'staff' });
    expect(matchRoute('/dashboard', '')).toEqual({ page: 'dashboard' });
    expect(matchRoute('/transparency/', '')).toEqual({ page: 'transparency' });
    expect(matchRoute('/track/1042', '?token=abc&new=1')).toEqual({
      page: 'track',
      id: '1042',
      token: 'abc',
    });
    expect(matchRoute('/track/1042', '')).toEqual({ page: 'track', id: '1042', token: null });
    expect(matchRoute('/track/abc', '')).toEqual({ page: 'not-found' });
    expect(matchRoute('/nowhere', '')).toEqual({ page: 'not-found' });
  });
});
