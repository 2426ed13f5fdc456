/**
 * Request statuses. Open311 clients only know `open` and `closed`; back-office systems use the
 * extended statuses of mySociety's update exchange. Every extended status maps to one plain status.
 * @see ../../../shared/OPEN311.md "Extensions used by real deployments"
 */
import { z } from 'zod';

export const open311Status = z.enum(['open', 'closed']);
export type Open311Status = z.infer<typeof open311Status>;

const closedStatuses = [
  'fixed',
  'closed',
  'duplicate',
  'not_councils_responsibility',
  'no_further_action',
  'internal_referral',
  'cancelled',
] as const;
const openStatuses = [
  'open',
  'in_progress',
  'action_scheduled',
  'investigating',
  'planned',
  'reopen',
  'for_triage',
] as const;

export const extendedStatus = z.enum([...openStatuses, ...closedStatuses]);
export type ExtendedStatus = z.infer<typeof extendedStatus>;

/** The plain Open311 status a client that knows nothing of extensions sees. */
export function toOpen311Status(status: ExtendedStatus): Open311Status {
  return (closedStatuses as readonly string[]).includes(status) ? 'closed' : 'open';
}
