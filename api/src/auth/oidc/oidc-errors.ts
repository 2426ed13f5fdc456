/**
 * Why an OIDC sign-in failed. The code travels to the sign-in page as `?signin_error=<code>`, where
 * each app words it (the portal in English and Spanish); the English text here goes to the audit log.
 */
import * as client from 'openid-client';

export const oidcErrorMessages = {
  unknown_staff:
    'No active staff account uses the email your city account gave. Ask your CivicDesk administrator to add you, then try again.',
  email_unverified:
    'Your city account’s email address is not verified. Verify it with your identity provider, then try again.',
  no_email:
    'Your city account did not share an email address. Ask IT to release the email claim to CivicDesk.',
  state_mismatch:
    'That sign-in attempt expired or did not start in this browser. Start again from the sign-in page.',
  provider_unavailable:
    'The city’s sign-in service could not be reached. Try again in a few minutes, or sign in with your password.',
  provider_refused: 'The city’s sign-in service did not sign you in. Try again.',
  invalid_response:
    'The answer from the city’s sign-in service could not be verified. Try again, and tell IT if it keeps happening.',
} as const;

export type OidcErrorCode = keyof typeof oidcErrorMessages;

/** A failed step of the flow, with the code the sign-in page shows and details for the audit log only. */
export class OidcSignInError extends Error {
  constructor(
    readonly code: OidcErrorCode,
    readonly details: Record<string, string> = {},
  ) {
    super(oidcErrorMessages[code]);
  }
}

/** Sorts what openid-client threw into a code a person can act on. */
export function classifyOidcFailure(error: unknown): OidcSignInError {
  if (error instanceof OidcSignInError) return error;
  const detail = { cause: describe(error) };
  const unreachable = error instanceof TypeError || (error instanceof Error && error.name === 'TimeoutError');
  if (unreachable) return new OidcSignInError('provider_unavailable', detail);
  if (error instanceof client.AuthorizationResponseError)
    return new OidcSignInError('provider_refused', { ...detail, error: error.error });
  if (error instanceof client.ResponseBodyError && error.status >= 500)
    return new OidcSignInError('provider_unavailable', detail);
  if (error instanceof client.ClientError && /"state"/.test(detail.cause))
    return new OidcSignInError('state_mismatch', detail);
  return new OidcSignInError('invalid_response', detail);
}

/** The error's message with its causes' (openid-client says "unexpected JWT claim value"; the cause says which). */
function describe(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e instanceof Error && parts.length < 4; e = e.cause) parts.push(e.message);
  return parts.length ? parts.join(': ') : String(error);
}
