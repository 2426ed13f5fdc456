/**
 * OIDC sign-in in Debian's Chromium: the portal's staff sign-in and the designer show "Sign in with
 * Springfield ID"; clicking it goes through the stand-in provider's real login and consent pages
 * and back, signed in by cookie; a refusal comes back as a worded message on the sign-in page.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../portal/support/browser.js';
import { builtWebApps } from '../support/web-build.js';
import { startIdentityProvider, type TestIdentityProvider } from './oidc-identity-provider.js';
import { startOidcTestApi, type OidcTestApi } from './oidc-api.js';

const screens = fileURLToPath(new URL('../artifacts/screens/', import.meta.url));
let staticDir: string;
let idp: TestIdentityProvider;
let api: OidcTestApi;
let browser: Browser;

beforeAll(async () => {
  staticDir = await builtWebApps();
  mkdirSync(screens, { recursive: true });
  idp = await startIdentityProvider({
    sam: { email: 'sam@springfield.gov', email_verified: true, name: 'Sam' },
    stranger: { email: 'stranger@springfield.gov', email_verified: true, name: 'Stranger' },
  });
  api = await startOidcTestApi('oidc_browser', ({ callbackUrl }) => ({
    STATIC_DIR: staticDir,
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    OIDC_REDIRECT_URL: callbackUrl,
    OIDC_BUTTON_LABEL: 'Springfield ID',
  }));
  idp.trustRedirectUris([api.callbackUrl]);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  await idp?.stop();
});

async function openPage(width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  // The provider's stock pages link a web font; this machine talks to nothing but loopback.
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort(),
  );
  return context.newPage();
}

/** Types `login` on the provider's sign-in page and accepts its consent page. */
async function signInAtProvider(page: Page, login: string) {
  await page.waitForURL((url) => url.origin === idp.issuer);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('typed-at-the-provider');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.origin === api.baseUrl);
}

describe('OIDC sign-in in the browser', () => {
  it('a clerk clicks "Sign in with Springfield ID" on the portal and comes back signed in', async () => {
    const page = await openPage(1280, 800);
    await page.goto(`${api.baseUrl}/staff`);
    const button = page.getByRole('button', { name: 'Sign in with Springfield ID' });
    await button.waitFor();
    await page.screenshot({ path: `${screens}oidc-portal-signin-desktop.png`, fullPage: true });
    await button.click();
    await signInAtProvider(page, 'sam');
    expect(new URL(page.url()).pathname).toBe('/staff');
    const cookies = await page.context().cookies(api.baseUrl);
    expect(cookies.find((c) => c.name === 'civicdesk_session')?.httpOnly).toBe(true);
    const me = await page.evaluate(async () => {
      const response = await fetch('/trpc/auth.me');
      return (await response.json()) as { result?: { data: { name: string } } };
    });
    expect(me.result?.data.name).toBe('Sam Streets');
    await page.getByText('Signed in as Sam Streets').waitFor();
    await page.getByRole('button', { name: 'Refresh queue' }).waitFor();
    await page.screenshot({ path: `${screens}oidc-portal-after-signin-desktop.png`, fullPage: true });
    await page.context().close();
  });

  it('an unknown email comes back to the sign-in page with the reason, in English and on a phone', async () => {
    const page = await openPage(390, 844);
    await page.goto(`${api.baseUrl}/staff`);
    await page.getByRole('button', { name: 'Sign in with Springfield ID' }).click();
    await signInAtProvider(page, 'stranger');
    const alert = page.getByRole('alert').filter({ hasText: 'No active staff account uses the email' });
    await alert.waitFor();
    expect(new URL(page.url()).search).toBe('');
    await page.screenshot({ path: `${screens}oidc-portal-refused-phone.png`, fullPage: true });
    await page.context().close();
  });

  it('the designer offers the same button: a refusal is worded there, a clerk gets the designer', async () => {
    const page = await openPage(1280, 800);
    await page.goto(`${api.baseUrl}/designer/`);
    const button = page.getByRole('button', { name: 'Sign in with Springfield ID' });
    await button.waitFor();
    await page.screenshot({ path: `${screens}oidc-designer-signin-desktop.png`, fullPage: true });
    await button.click();
    await signInAtProvider(page, 'stranger');
    expect(new URL(page.url()).pathname).toBe('/designer/');
    await page.getByRole('alert').filter({ hasText: 'No active staff account uses the email' }).waitFor();
    await page.screenshot({ path: `${screens}oidc-designer-refused-desktop.png`, fullPage: true });

    // The provider remembers who signed in there; forget it so the next person can type their login.
    await page.context().clearCookies();
    await page.getByRole('button', { name: 'Sign in with Springfield ID' }).click();
    await signInAtProvider(page, 'sam');
    expect(new URL(page.url()).pathname).toBe('/designer/');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.context().close();
  });
});
