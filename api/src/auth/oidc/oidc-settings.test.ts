import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { oidcSettingsFrom } from './oidc-settings.js';

const settingsFor = (env: Record<string, string>) =>
  oidcSettingsFrom(loadConfig({ PUBLIC_URL: 'https://311.springfield.gov', ...env }));

describe('OIDC settings', () => {
  it('are off while OIDC_ISSUER is unset or empty', () => {
    expect(settingsFor({})).toBeNull();
    expect(settingsFor({ OIDC_ISSUER: '' })).toBeNull();
  });

  it('default the callback to PUBLIC_URL and parse the provisioning domains', () => {
    const settings = settingsFor({
      OIDC_ISSUER: 'https://login.springfield.gov/realms/staff',
      OIDC_CLIENT_ID: 'civicdesk',
      OIDC_AUTO_PROVISION_DOMAINS: ' @Springfield.gov, contractors.springfield.gov ,',
    });
    expect(settings?.redirectUrl.href).toBe('https://311.springfield.gov/auth/oidc/callback');
    expect(settings?.autoProvisionDomains).toEqual(['springfield.gov', 'contractors.springfield.gov']);
    expect(settings).toMatchObject({
      scopes: 'openid email profile',
      secureCookies: true,
      allowInsecureHttp: false,
    });
  });

  it('name what is missing or unsafe', () => {
    expect(() => settingsFor({ OIDC_ISSUER: 'https://login.springfield.gov' })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => settingsFor({ OIDC_ISSUER: 'http://login.springfield.gov', OIDC_CLIENT_ID: 'c' })).toThrow(
      /OIDC_ISSUER must be an https/,
    );
    expect(
      settingsFor({ OIDC_ISSUER: 'http://127.0.0.1:9000', OIDC_CLIENT_ID: 'c' })?.allowInsecureHttp,
    ).toBe(true);
    expect(() => loadConfig({ OIDC_ISSUER: 'not a url' })).toThrow(/OIDC_ISSUER/);
  });
});
