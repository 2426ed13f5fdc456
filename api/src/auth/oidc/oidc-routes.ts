/**
 * REST routes of OIDC sign-in: `GET /auth/config` (is OIDC on, and the button's label),
 * `GET /auth/oidc/start` (to the provider, with state, nonce and PKCE in a signed cookie) and
 * `GET /auth/oidc/callback` (verify, find the staff member, start the session, back to the app).
 * Every failure lands on the sign-in page with `?signin_error=<code>` and is audited.
 */
import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import * as client from 'openid-client';
import type { AppContext } from '../../app-context.js';
import { resolveJurisdiction } from '../../open311/jurisdiction.js';
import { honoRequestClient } from '../hono-client.js';
import { secureCookies } from '../request-client.js';
import { startStaffSession } from '../sessions.js';
import {
  clearFlowCookieHeader,
  flowCookieHeader,
  flowCookieName,
  flowTtlMs,
  openFlow,
  sealFlow,
} from './flow-cookie.js';
import { oidcRelyingParty } from './oidc-client.js';
import { classifyOidcFailure, OidcSignInError } from './oidc-errors.js';
import { oidcSettingsFrom } from './oidc-settings.js';
import { defaultReturnTo, safeReturnTo, withSigninError } from './return-to.js';
import { staffForIdentity } from './staff-for-identity.js';

/** The routes; with OIDC off, `/auth/config` says so and `/auth/oidc/*` answers 404. */
export function oidcRoutes(app: AppContext): Hono {
  const http = new Hono();
  const settings = oidcSettingsFrom(app.config);
  http.get('/auth/config', (c) =>
    c.json(
      settings
        ? { oidc: { enabled: true, button_label: settings.buttonLabel, start_url: '/auth/oidc/start' } }
        : { oidc: { enabled: false } },
      200,
      { 'cache-control': 'no-store' },
    ),
  );
  if (!settings) {
    // Explicit, so the web apps' index.html fallback never answers for a route that is off.
    http.all('/auth/oidc/*', (c) => c.json({ error: 'OIDC sign-in is not configured on this server.' }, 404));
    return http;
  }
  const party = oidcRelyingParty(settings);
  const cookieOptions = { secure: settings.secureCookies, path: settings.redirectUrl.pathname };

  http.get('/auth/oidc/start', async (c) => {
    c.header('cache-control', 'no-store');
    const returnTo = safeReturnTo(c.req.query('return_to'));
    const jurisdictionId = c.req.query('jurisdiction_id')?.trim() || undefined;
    const jurisdiction = await resolveJurisdiction(app.db, jurisdictionId);
    if (!jurisdiction.ok) return c.text(jurisdiction.message, jurisdiction.status);
    const checks = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
    };
    try {
      const target = await party.authorizationUrl(checks);
      const flow = { ...checks, returnTo, jurisdictionId, exp: app.now().getTime() + flowTtlMs };
      c.header('set-cookie', flowCookieHeader(sealFlow(flow, settings.secret), cookieOptions));
      return c.redirect(target.href, 302);
    } catch (error) {
      return failed(c, app, classifyOidcFailure(error), returnTo);
    }
  });

  http.get('/auth/oidc/callback', async (c) => {
    c.header('cache-control', 'no-store');
    c.header('set-cookie', clearFlowCookieHeader(cookieOptions));
    const flow = openFlow(getCookie(c, flowCookieName), settings.secret, app.now().getTime());
    if (!flow)
      return failed(c, app, new OidcSignInError('state_mismatch', { cause: 'no valid flow cookie' }));
    try {
      const identity = await party.verifyCallback(new URL(c.req.url).searchParams, flow);
      const jurisdiction = await resolveJurisdiction(app.db, flow.jurisdictionId);
      if (!jurisdiction.ok) throw new OidcSignInError('unknown_staff', { cause: jurisdiction.message });
      const staff = await staffForIdentity(app.db, jurisdiction.id, identity, settings.autoProvisionDomains);
      const browser = honoRequestClient(c, app.config);
      const session = await startStaffSession(app, staff.id, {
        ip: browser.ip,
        userAgent: browser.userAgent,
        secure: secureCookies(app.config, browser),
        method: 'oidc',
      });
      for (const cookie of session.setCookies) c.header('set-cookie', cookie, { append: true });
      await audit(app, {
        actorType: 'staff',
        actorId: staff.id,
        action: 'staff.login',
        subjectId: staff.id,
        data: { method: 'oidc', subject: identity.subject, provisioned: staff.provisioned },
      });
      return c.redirect(flow.returnTo, 302);
    } catch (error) {
      return failed(c, app, classifyOidcFailure(error), flow.returnTo);
    }
  });
  return http;
}

/** Audits the failure and sends the browser to the sign-in page with the reason's code. */
async function failed(c: Context, app: AppContext, failure: OidcSignInError, returnTo = defaultReturnTo) {
  await audit(app, {
    actorType: 'system',
    actorId: null,
    action: 'staff.login_failed',
    subjectId: null,
    data: { method: 'oidc', reason: failure.code, message: failure.message, ...failure.details },
  });
  return c.redirect(withSigninError(returnTo, failure.code), 302);
}

async function audit(
  app: AppContext,
  entry: {
    actorType: 'staff' | 'system';
    actorId: string | null;
    action: string;
    subjectId: string | null;
    data: object;
  },
) {
  await app.db.auditLog.create({ data: { ...entry, subjectType: 'staff' } });
}
