/** Where to land after signing in: only a path on this origin, so the flow cannot be an open redirect. */

export const defaultReturnTo = '/staff';

/** The path to return to, or the staff queue when `wanted` is missing or leaves the origin. */
export function safeReturnTo(wanted: string | undefined | null): string {
  if (!wanted || wanted.length > 512) return defaultReturnTo;
  // "//host" and "/\host" are protocol-relative to browsers; control characters hide such tricks.
  if (!wanted.startsWith('/') || wanted.startsWith('//') || wanted.startsWith('/\\')) return defaultReturnTo;
  if ([...wanted].some((ch) => ch < ' ' || ch === '\u007f' || ch === '\\')) return defaultReturnTo;
  const parsed = new URL(wanted, 'http://same.origin');
  if (parsed.origin !== 'http://same.origin') return defaultReturnTo;
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** `returnTo` with `signin_error=<code>` added, so the sign-in page there can say what went wrong. */
export function withSigninError(returnTo: string, code: string): string {
  const url = new URL(returnTo, 'http://same.origin');
  url.searchParams.set('signin_error', code);
  return `${url.pathname}${url.search}${url.hash}`;
}
