/**
 * Who a request's notifications go to: the requester (unless they unsubscribed) and every active
 * follower, by e-mail only, each address once. SMS followers and requesters without e-mail are skipped.
 */
import type { PrismaClient } from '../db/generated/client.js';

export interface Recipient {
  email: string;
  kind: 'requester' | 'follower';
}

export interface RequestMailFacts {
  requestId: string;
  token: string;
  serviceName: string;
  address: string | null;
  recipients: Recipient[];
}

/** Loads the request's public facts and its current recipients (read at send time, so unsubscribes count). */
export async function loadRequestMailFacts(db: PrismaClient, requestId: bigint): Promise<RequestMailFacts> {
  const request = await db.serviceRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      token: true,
      email: true,
      address: true,
      notificationsUnsubscribedAt: true,
      service: { select: { name: true } },
      followers: {
        where: { unsubscribedAt: null, email: { not: null } },
        select: { email: true },
        orderBy: { id: 'asc' },
      },
    },
  });
  const recipients: Recipient[] = [];
  const seen = new Set<string>();
  const add = (email: string | null, kind: Recipient['kind']) => {
    const address = email?.trim().toLowerCase();
    if (!address || seen.has(address)) return;
    seen.add(address);
    recipients.push({ email: address, kind });
  };
  if (request.notificationsUnsubscribedAt === null) add(request.email, 'requester');
  for (const follower of request.followers) add(follower.email, 'follower');
  return {
    requestId: requestId.toString(),
    token: request.token,
    serviceName: request.service.name,
    address: request.address,
    recipients,
  };
}
