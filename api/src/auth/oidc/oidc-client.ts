/**
 * The relying-party side of the authorization code flow with PKCE, on `openid-client`: discovery
 * (cached; retried after a failure, so a provider that was down at start is picked up later), the
 * authorization URL, and the callback — state, PKCE, and the ID token's signature (the provider's
 * JWKS), issuer, audience, nonce and expiry — answering the verified identity.
 */
import * as client from 'openid-client';
import type { OidcSettings } from './oidc-settings.js';
import { OidcSignInError } from './oidc-errors.js';

/** Who the provider says signed in; email comes from the ID token, or from userinfo when it is not there. */
export interface OidcIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/** The checks one attempt carries from start to callback. */
export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OidcRelyingParty {
  /** Where to send the browser to sign in at the provider. */
  authorizationUrl(checks: OidcChecks): Promise<URL>;
  /** Verifies the provider's answer at the callback URL and answers who signed in. */
  verifyCallback(callbackQuery: URLSearchParams, checks: OidcChecks): Promise<OidcIdentity>;
}

/** A slow provider must not hold a sign-in (or an API worker) for long. */
const providerTimeoutMs = 10_000;

/** Builds the relying party; nothing is fetched until the first sign-in. */
export function oidcRelyingParty(settings: OidcSettings): OidcRelyingParty {
  let discovered: Promise<client.Configuration> | null = null;
  const configuration = () => {
    discovered ??= discover(settings).catch((error: unknown) => {
      discovered = null;
      throw error;
    });
    return discovered;
  };
  return {
    async authorizationUrl(checks) {
      const config = await configuration();
      return client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUrl.href,
        scope: settings.scopes,
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
      });
    },
    async verifyCallback(callbackQuery, checks) {
      const config = await configuration();
      // The URL the provider redirected to, as registered (a proxy may have rewritten the host we see).
      const currentUrl = new URL(settings.redirectUrl.href);
      currentUrl.search = callbackQuery.toString();
      const tokens = await client.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims)
        throw new OidcSignInError('invalid_response', { cause: 'no ID token in the token response' });
      let source: Record<string, unknown> = claims;
      if (typeof claims.email !== 'string') {
        // Providers that follow the spec to the letter release scope claims only at userinfo.
        source = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      }
      return {
        subject: claims.sub,
        email: typeof source.email === 'string' ? source.email.trim().toLowerCase() : null,
        emailVerified: source.email_verified === true,
        name: typeof source.name === 'string' ? source.name : null,
      };
    },
  };
}

function discover(settings: OidcSettings): Promise<client.Configuration> {
  return client.discovery(
    settings.issuer,
    settings.clientId,
    { redirect_uris: [settings.redirectUrl.href], response_types: ['code'] },
    settings.clientSecret ? client.ClientSecretBasic(settings.clientSecret) : client.None(),
    {
      [client.customFetch]: (url, options) =>
        fetch(url, { ...options, signal: AbortSignal.timeout(providerTimeoutMs) } as RequestInit),
      // Check the ID token's signature against the provider's JWKS, not only TLS to the token endpoint.
      execute: [
        client.enableNonRepudiationChecks,
        ...(settings.allowInsecureHttp ? [client.allowInsecureRequests] : []),
      ],
    },
  );
}
