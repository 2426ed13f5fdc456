/**
 * OIDC sign-in settings. The fields are merged into the API's one configuration schema
 * (`configSchema.extend(oidcConfigSchema.shape)`); OIDC is off while OIDC_ISSUER is unset.
 */
import { z } from 'zod';

export const oidcConfigSchema = z.object({
  /** The city's identity provider, e.g. https://login.springfield.gov/realms/staff (unset: OIDC off). */
  OIDC_ISSUER: z.union([z.literal(''), z.string().url()]).optional(),
  /** The client id CivicDesk is registered under at the provider. */
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** The client secret (client_secret_basic); unset for a public client that relies on PKCE alone. */
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Where the provider sends staff back; default `<PUBLIC_URL>/auth/oidc/callback`. */
  OIDC_REDIRECT_URL: z.string().url().optional(),
  /** Scopes asked for; `openid` and `email` are needed to match a staff member. */
  OIDC_SCOPES: z.string().min(1).default('openid email profile'),
  /** The sign-in button reads "Sign in with <label>". */
  OIDC_BUTTON_LABEL: z.string().min(1).max(60).default('your city account'),
  /**
   * Email domains (comma-separated) whose verified users get a staff account, without departments,
   * on their first OIDC sign-in. Unset: only existing active staff may sign in.
   */
  OIDC_AUTO_PROVISION_DOMAINS: z.string().optional(),
});
export type OidcConfig = z.infer<typeof oidcConfigSchema>;

/** Everything the OIDC flow needs, resolved from configuration. */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string | undefined;
  redirectUrl: URL;
  scopes: string;
  buttonLabel: string;
  /** Lower-cased email domains that may be provisioned on first sign-in. */
  autoProvisionDomains: string[];
  /** Plain-HTTP providers are accepted on the loopback interface only (a local stand-in or dev IdP). */
  allowInsecureHttp: boolean;
  /** Signs the flow cookie (state, nonce, PKCE verifier). */
  secret: string;
  /** Whether cookies get the `Secure` attribute (the public URL is HTTPS). */
  secureCookies: boolean;
}

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The OIDC settings, or null when OIDC is off (OIDC_ISSUER unset or empty); a half-configured provider stops the process naming what is missing. */
export function oidcSettingsFrom(
  config: OidcConfig & { SESSION_SECRET: string; publicUrl: string },
): OidcSettings | null {
  if (!config.OIDC_ISSUER) return null;
  if (!config.OIDC_CLIENT_ID)
    throw new Error(
      'OIDC_ISSUER is set, so OIDC_CLIENT_ID is needed: the client id registered at the provider.',
    );
  const issuer = new URL(config.OIDC_ISSUER);
  if (issuer.protocol !== 'https:' && !loopback.has(issuer.hostname))
    throw new Error(
      `OIDC_ISSUER must be an https:// URL (got ${issuer.origin}); plain http is for 127.0.0.1 only.`,
    );
  const redirectUrl = new URL(
    config.OIDC_REDIRECT_URL ?? new URL('/auth/oidc/callback', config.publicUrl).href,
  );
  return {
    issuer,
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    redirectUrl,
    scopes: config.OIDC_SCOPES,
    buttonLabel: config.OIDC_BUTTON_LABEL,
    autoProvisionDomains: (config.OIDC_AUTO_PROVISION_DOMAINS ?? '')
      .split(',')
      .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
      .filter(Boolean),
    allowInsecureHttp: issuer.protocol === 'http:',
    secret: config.SESSION_SECRET,
    secureCookies: redirectUrl.protocol === 'https:',
  };
}
