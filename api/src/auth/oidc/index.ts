/** OIDC sign-in for staff: settings, the relying party, and the REST routes that end in a staff session (auth/sessions.ts). */
export { oidcConfigSchema, oidcSettingsFrom, type OidcConfig, type OidcSettings } from './oidc-settings.js';
export { oidcRoutes } from './oidc-routes.js';
export { oidcErrorMessages, type OidcErrorCode } from './oidc-errors.js';
export { safeReturnTo } from './return-to.js';
