/**
 * Unsubscribe links: the request id and the recipient's address, signed with an HMAC so nobody can
 * unsubscribe someone else by editing the link, and nothing needs storing per recipient.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The signature of (request, address); addresses compare lower-cased. */
export function unsubscribeSignature(secret: string, requestId: string, email: string): string {
  return createHmac('sha256', secret)
    .update(`unsubscribe:${requestId}:${email.trim().toLowerCase()}`)
    .digest('base64url');
}

/** The link a notification carries, e.g. `https://311.city.gov/unsubscribe?request=7&email=…&sig=…`. */
export function unsubscribeUrl(publicUrl: string, secret: string, requestId: string, email: string): string {
  const query = new URLSearchParams({
    request: requestId,
    email: email.trim().toLowerCase(),
    sig: unsubscribeSignature(secret, requestId, email),
  });
  return `${publicUrl.replace(/\/+$/, '')}/unsubscribe?${query.toString()}`;
}

/** True when `sig` is the signature of (request, address) under `secret`. */
export function isValidUnsubscribe(secret: string, requestId: string, email: string, sig: string): boolean {
  const expected = Buffer.from(unsubscribeSignature(secret, requestId, email));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
