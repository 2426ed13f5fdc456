/** Writes the audit_log row every admin change leaves, inside the change's own transaction. */
import type { Prisma } from '../db/generated/client.js';
import type { StaffIdentity } from '../app-context.js';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string | null;
  data?: Prisma.InputJsonValue;
}

/** Records that `staff` did `action` to a subject; `data` holds what changed, never secrets. */
export async function recordAudit(
  tx: Prisma.TransactionClient,
  staff: Pick<StaffIdentity, 'id'> | null,
  entry: AuditEntry,
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorType: staff ? 'staff' : 'system',
      actorId: staff?.id ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      ...(entry.data !== undefined ? { data: entry.data } : {}),
    },
  });
}
