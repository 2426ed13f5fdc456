import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../router/match-route.js';
import { adminSectionOf } from './admin-sections.js';

describe('admin routes', () => {
  it('maps /admin and /admin/<section> to the admin page, and unknown sections to not found', () => {
    expect(matchRoute('/admin', '')).toEqual({ page: 'admin', section: 'departments' });
    expect(matchRoute('/admin/api-keys/', '')).toEqual({ page: 'admin', section: 'api-keys' });
    expect(matchRoute('/admin/packs', '')).toEqual({ page: 'admin', section: 'packs' });
    expect(matchRoute('/admin/secrets', '')).toEqual({ page: 'not-found' });
    expect(adminSectionOf('audit')).toBe('audit');
    expect(adminSectionOf('AUDIT')).toBeNull();
  });
});
