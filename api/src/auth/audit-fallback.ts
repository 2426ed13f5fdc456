/**
 * The audit trail's safety net: every staff or admin mutation leaves an audit_logs row. Procedures
 * write their own precise rows (claim, transfer, publish…); when one wrote none, this writes a row
 * naming the procedure, the subject taken from its input, and the input with secrets removed.
 */
import type { AppContext } from '../app-context.js';
import type { Prisma } from '../db/generated/client.js';

const SUBJECT_KEYS = [
  ['taskId', 'task'],
  ['service_request_id', 'service_request'],
  ['slug', 'workflow'],
  ['staffId', 'staff'],
  ['departmentId', 'department'],
  ['department', 'department'],
  ['code', 'code'],
  ['id', 'record'],
  ['email', 'staff'],
] as const;

const SECRET_KEY = /pass(word)?|secret|token|key_?hash|hash/i;

/** The input with secret-looking fields replaced, and long strings clipped, for the audit row. */
export function redactedInput(input: unknown, depth = 0): Prisma.InputJsonValue | null {
  if (input === null || input === undefined) return null;
  if (typeof input === 'string') return input.length > 500 ? `${input.slice(0, 500)}…` : input;
  if (typeof input === 'number' || typeof input === 'boolean') return input;
  if (typeof input === 'bigint') return input.toString();
  if (depth > 4) return '…';
  if (Array.isArray(input)) return input.slice(0, 50).map((v) => redactedInput(v, depth + 1));
  if (typeof input === 'object') {
    const out: Record<string, Prisma.InputJsonValue | null> = {};
    for (const [k, v] of Object.entries(input))
      out[k] = SECRET_KEY.test(k) ? '[redacted]' : redactedInput(v, depth + 1);
    return out;
  }
  return null;
}

/** What the mutation acted on, read from the usual input field names. */
export function subjectOf(path: string, input: unknown): { type: string; id: string | null } {
  const fields = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  for (const [key, type] of SUBJECT_KEYS) {
    const value = fields[key];
    if (typeof value === 'string' || typeof value === 'number') return { type, id: String(value) };
  }
  return { type: path.split('.')[0] ?? 'procedure', id: null };
}

/** Runs the mutation; if it succeeded without writing an audit row for this actor, writes one. */
export async function auditUnauditedMutation<R extends { ok: boolean }>(
  ctx: Pick<AppContext, 'db'> & { staff: { id: string } },
  path: string,
  getRawInput: () => Promise<unknown>,
  next: () => Promise<R>,
): Promise<R> {
  const before = await ctx.db.auditLog.aggregate({ _max: { id: true } });
  const result = await next();
  if (!result.ok) return result;
  const wrote = await ctx.db.auditLog.findFirst({
    where: { id: { gt: before._max.id ?? 0n }, actorType: 'staff', actorId: ctx.staff.id },
    select: { id: true },
  });
  if (wrote) return result;
  const input = await getRawInput().catch(() => undefined);
  const subject = subjectOf(path, input);
  await ctx.db.auditLog.create({
    data: {
      actorType: 'staff',
      actorId: ctx.staff.id,
      action: path,
      subjectType: subject.type,
      subjectId: subject.id,
      data: { input: redactedInput(input) ?? null } as Prisma.InputJsonObject,
    },
  });
  return result;
}
