/**
 * Maps a verified OIDC identity to an active staff member of the jurisdiction by email. Only a
 * verified email counts (an unverified one could be anybody's); new accounts are made only for the
 * domains OIDC_AUTO_PROVISION_DOMAINS names, and then without departments or admin rights.
 */
import type { PrismaClient } from '../../db/generated/client.js';
import type { OidcIdentity } from './oidc-client.js';
import { OidcSignInError } from './oidc-errors.js';

/** The staff member to sign in, or an OidcSignInError saying why nobody is. */
export async function staffForIdentity(
  db: PrismaClient,
  jurisdictionId: string,
  identity: OidcIdentity,
  autoProvisionDomains: string[],
): Promise<{ id: string; provisioned: boolean }> {
  const who = { subject: identity.subject, email: identity.email ?? '' };
  if (!identity.email) throw new OidcSignInError('no_email', who);
  if (!identity.emailVerified) throw new OidcSignInError('email_unverified', who);
  const email = identity.email;
  const staff = await db.staffMember.findUnique({
    where: { jurisdictionId_email: { jurisdictionId, email } },
    select: { id: true, active: true },
  });
  if (staff?.active) return { id: staff.id, provisioned: false };
  const domain = email.slice(email.lastIndexOf('@') + 1);
  // A deactivated account stays deactivated: provisioning is for people CivicDesk has never seen.
  if (staff || !autoProvisionDomains.includes(domain)) throw new OidcSignInError('unknown_staff', who);
  const created = await db.staffMember.create({
    data: { jurisdictionId, email, name: identity.name ?? email, isAdmin: false, active: true },
    select: { id: true },
  });
  return { id: created.id, provisioned: true };
}
