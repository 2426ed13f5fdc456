/**
 * The dashboard's query parameters, shared by the tRPC procedures and the CSV export so both accept
 * the same filters with the same messages, and the step from them to a DashboardFilter.
 */
import { z } from 'zod';
import type { PrismaClient } from '../db/generated/client.js';
import { resolveJurisdiction } from '../open311/jurisdiction.js';
import { dimensions, periods, type DashboardFilter } from './dashboard-filter.js';

const localDate = (field: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${field}: write the day as YYYY-MM-DD, e.g. 2026-03-01.`)
    .refine(
      (s) =>
        !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
      {
        message: `${field}: that day does not exist; check the month and day.`,
      },
    );

const code = (field: string) =>
  z
    .string()
    .trim()
    .min(1, `${field}: leave it out or give a code.`)
    .max(100, `${field}: at most 100 characters.`);

/** Filters every view takes. Dates are the jurisdiction's local days, both ends included. */
export const dashboardFilterInput = z
  .object({
    jurisdiction_id: z.string().optional(),
    from: localDate('from').optional(),
    to: localDate('to').optional(),
    service: code('service').optional(),
    department: code('department').optional(),
    district: code('district').optional(),
    channel: code('channel').optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: 'to: the last day must be on or after the first day (from).',
    path: ['to'],
  });

export const periodInput = z.enum(periods).default('day');
export const dimensionInput = z.enum(dimensions).default('none');

export type DashboardFilterInput = z.infer<typeof dashboardFilterInput>;

export type ScopeResult =
  { ok: true; filter: DashboardFilter } | { ok: false; status: 400 | 404; message: string };

/** Resolves the jurisdiction (and its time zone) and turns the parsed input into a DashboardFilter. */
export async function dashboardScope(db: PrismaClient, input: DashboardFilterInput): Promise<ScopeResult> {
  const found = await resolveJurisdiction(db, input.jurisdiction_id);
  if (!found.ok) return found;
  const { timezone } = await db.jurisdiction.findUniqueOrThrow({
    where: { id: found.id },
    select: { timezone: true },
  });
  return {
    ok: true,
    filter: {
      jurisdictionId: found.id,
      timezone,
      ...(input.from ? { from: input.from } : {}),
      ...(input.to ? { to: input.to } : {}),
      ...(input.service ? { serviceCode: input.service } : {}),
      ...(input.department ? { departmentCode: input.department } : {}),
      ...(input.district ? { district: input.district } : {}),
      ...(input.channel ? { channel: input.channel } : {}),
    },
  };
}
