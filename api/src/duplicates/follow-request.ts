/**
 * "Follow this one instead": a resident who finds their problem already reported follows the open
 * request rather than filing a duplicate, and is told about its progress. Following again with the
 * same contact is the same follower (and resubscribes one who had unsubscribed).
 */
import type { PrismaClient } from '../db/generated/client.js';
import { DuplicateRefusedError, requestKey } from './duplicate-errors.js';

export interface FollowRequestInput {
  jurisdictionId: string;
  requestId: string | bigint;
  email?: string | null;
  phone?: string | null;
  now?: Date;
}

export interface FollowResult {
  followerId: string;
  /** True when this contact already followed the request. */
  alreadyFollowing: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Adds (or reactivates) a follower of an open request; at least one of e-mail and phone is needed. */
export async function followRequest(db: PrismaClient, input: FollowRequestInput): Promise<FollowResult> {
  const id = requestKey('request_id', input.requestId);
  const email = normaliseEmail(input.email);
  const phone = normalisePhone(input.phone);
  if (email === null && phone === null)
    throw new DuplicateRefusedError(
      'email',
      'Give an e-mail address or a phone number, so we can tell you how the request progresses.',
    );
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const request = await tx.serviceRequest.findUnique({
      where: { id },
      select: { jurisdictionId: true, status: true },
    });
    if (!request || request.jurisdictionId !== input.jurisdictionId)
      throw new DuplicateRefusedError(
        'request_id',
        `There is no request ${id} here; check the request number.`,
        'not_found',
      );
    if (request.status !== 'open')
      throw new DuplicateRefusedError(
        'request_id',
        `Request ${id} is already closed. If the problem is still there, please file a new report.`,
      );
    const existing = await tx.requestFollower.findFirst({
      where: {
        requestId: id,
        OR: [...(email ? [{ email }] : []), ...(phone ? [{ phone }] : [])],
      },
      orderBy: { id: 'asc' },
    });
    if (existing) {
      if (existing.unsubscribedAt !== null)
        await tx.requestFollower.update({ where: { id: existing.id }, data: { unsubscribedAt: null } });
      return { followerId: existing.id.toString(), alreadyFollowing: true };
    }
    const follower = await tx.requestFollower.create({
      data: { requestId: id, email, phone, createdAt: now },
    });
    return { followerId: follower.id.toString(), alreadyFollowing: false };
  });
}

function normaliseEmail(value: string | null | undefined): string | null {
  const email = value?.trim().toLowerCase() ?? '';
  if (email === '') return null;
  if (!EMAIL.test(email) || email.length > 254)
    throw new DuplicateRefusedError(
      'email',
      `'${value}' is not an e-mail address; write it like name@example.org.`,
    );
  return email;
}

/** Keeps digits and a leading +, so "+1 (217) 555-0100" and "+12175550100" are the same follower. */
function normalisePhone(value: string | null | undefined): string | null {
  const raw = value?.trim() ?? '';
  if (raw === '') return null;
  const phone = raw.replace(/[\s().-]/g, '');
  if (!/^\+?[0-9]{7,15}$/.test(phone))
    throw new DuplicateRefusedError(
      'phone',
      `'${value}' is not a phone number; give 7 to 15 digits, e.g. +1 217 555 0100.`,
    );
  return phone;
}
