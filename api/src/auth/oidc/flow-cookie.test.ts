import { describe, expect, it } from 'vitest';
import { clearFlowCookieHeader, flowCookieHeader, openFlow, sealFlow, type OidcFlow } from './flow-cookie.js';

const secret = 'a-session-secret-of-at-least-32-characters';
const flow: OidcFlow = { state: 's', nonce: 'n', codeVerifier: 'v', returnTo: '/staff', exp: 2_000 };

describe('the OIDC flow cookie', () => {
  it('opens what it sealed until it expires', () => {
    const sealed = sealFlow(flow, secret);
    expect(openFlow(sealed, secret, 1_999)).toEqual(flow);
    expect(openFlow(sealed, secret, 2_000)).toBeNull();
  });

  it('refuses a value sealed with another secret, or edited by the browser', () => {
    expect(openFlow(sealFlow(flow, `${secret}-other`), secret, 0)).toBeNull();
    const [, signature] = sealFlow(flow, secret).split('.');
    const edited = Buffer.from(JSON.stringify({ ...flow, state: 'mine' })).toString('base64url');
    expect(openFlow(`${edited}.${signature}`, secret, 0)).toBeNull();
    expect(openFlow('garbage', secret, 0)).toBeNull();
    expect(openFlow(undefined, secret, 0)).toBeNull();
  });

  it('is HttpOnly, SameSite=Lax (the provider redirects back cross-site), scoped to the callback path', () => {
    const header = flowCookieHeader('v', { secure: true, path: '/auth/oidc/callback' });
    expect(header).toBe(
      'civicdesk_oidc=v; Path=/auth/oidc/callback; Max-Age=600; HttpOnly; SameSite=Lax; Secure',
    );
    expect(clearFlowCookieHeader({ secure: false, path: '/auth/oidc/callback' })).toContain('Max-Age=0');
  });
});
