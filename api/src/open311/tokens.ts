/**
 * `GET /tokens/{token}`: the request id behind a tracking token. Our POST answers the id at once, so
 * every token already has its id; the endpoint serves clients that keep tokens.
 */
import type { PrismaClient } from '../db/generated/client.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `{ service_request_id, token }` for a token of the jurisdiction, or null when there is none. */
export async function findRequestByToken(db: PrismaClient, jurisdictionId: string, token: string) {
  if (!uuid.test(token)) return null;
  const found = await db.serviceRequest.findFirst({
    where: { token: token.toLowerCase(), jurisdictionId },
    select: { id: true, token: true },
  });
  return found ? { service_request_id: found.id.toString(), token: found.token } : null;
}
