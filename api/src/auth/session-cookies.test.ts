import { describe, expect, it } from 'vitest';
import { clearedSessionCookies, readCookie, sessionCookies } from './session-cookies.js';
import { csrfTokenFor, isCsrfTokenOf } from './sessions.js';

describe('session cookies', () => {
  it('sets the session HttpOnly and the CSRF token readable, both SameSite=Lax on Path=/', () => {
    const [session, csrf] = sessionCookies('abc', 'xyz', 60, true);
    expect(session).toBe('civicdesk_session=abc; Path=/; Max-Age=60; SameSite=Lax; HttpOnly; Secure');
    expect(csrf).toBe('civicdesk_csrf=xyz; Path=/; Max-Age=60; SameSite=Lax; Secure');
    expect(clearedSessionCookies(false)[0]).toBe(
      'civicdesk_session=; Path=/; Max-Age=0; SameSite=Lax; HttpOnly',
    );
  });

  it('reads one cookie among several, and ignores look-alikes', () => {
    const header = 'xcivicdesk_session=no; civicdesk_session=a%2Bb; other=1';
    expect(readCookie(header, 'civicdesk_session')).toBe('a+b');
    expect(readCookie(header, 'missing')).toBeNull();
    expect(readCookie('civicdesk_session=%E0%A4%A', 'civicdesk_session')).toBeNull();
  });

  it('derives a CSRF token per session that only matches its own session', () => {
    const secret = 'a-test-secret-that-is-long-enough-0123456789';
    const token = csrfTokenFor(secret, 'session-1');
    expect(isCsrfTokenOf(secret, 'session-1', token)).toBe(true);
    expect(isCsrfTokenOf(secret, 'session-2', token)).toBe(false);
    expect(isCsrfTokenOf(`${secret}x`, 'session-1', token)).toBe(false);
    expect(isCsrfTokenOf(secret, 'session-1', null)).toBe(false);
  });
});
