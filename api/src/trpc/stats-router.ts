/**
 * `stats.*`: the dashboard's numbers. Public procedures answer aggregates only (counts, durations,
 * shares per service, department, district or channel); `stats.throughput` and `stats.overdueTasks`
 * name staff and are for signed-in staff, scoped to their departments (every department for admins).
 */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { isoDateTime } from '@civicdesk/schemas';
import { backlogByAge } from '../stats/backlog.js';
import { closeTimes } from '../stats/close-times.js';
import type { DashboardFilter } from '../stats/dashboard-filter.js';
import {
  dashboardFilterInput,
  dashboardScope,
  dimensionInput,
  periodInput,
  type DashboardFilterInput,
} from '../stats/dashboard-input.js';
import { filterOptions } from '../stats/filter-options.js';
import { headline } from '../stats/headline.js';
import { overdueTasks } from '../stats/overdue-tasks.js';
import { slaCompliance } from '../stats/sla.js';
import { staffThroughput } from '../stats/staff-throughput.js';
import { statsSummary } from '../stats/summary.js';
import { requestVolume } from '../stats/volume.js';
import type { PrismaClient } from '../db/generated/client.js';
import type { StaffIdentity } from '../app-context.js';
import { publicProcedure, router, staffProcedure } from './trpc.js';
import { jurisdictionFor } from './jurisdiction.js';

/** The filter for a call, or a tRPC error naming what to fix. */
async function scope(db: PrismaClient, input: DashboardFilterInput): Promise<DashboardFilter> {
  const found = await dashboardScope(db, input);
  if (!found.ok)
    throw new TRPCError({ code: found.status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', message: found.message });
  return found.filter;
}

/** Departments whose private rows a staff member sees; null for admins (all of them). */
function staffDepartments(staff: StaffIdentity, filter: DashboardFilter): string[] | null {
  if (staff.jurisdictionId !== filter.jurisdictionId)
    throw new TRPCError({ code: 'FORBIDDEN', message: 'You are staff of another jurisdiction.' });
  return staff.isAdmin ? null : staff.departmentIds;
}

const filtered = dashboardFilterInput.default({});
const filteredBy = dashboardFilterInput.and(z.object({ by: dimensionInput }));

export const statsRouter = router({
  summary: publicProcedure
    .input(
      z
        .object({
          jurisdiction_id: z.string().optional(),
          from: isoDateTime.optional(),
          to: isoDateTime.optional(),
          service_code: z.string().optional(),
        })
        .default({}),
    )
    .query(async ({ ctx, input }) => {
      const jurisdictionId = await jurisdictionFor(ctx.db, input.jurisdiction_id);
      return statsSummary(ctx.db, {
        jurisdictionId,
        ...(input.from ? { from: new Date(input.from) } : {}),
        ...(input.to ? { to: new Date(input.to) } : {}),
        ...(input.service_code ? { serviceCode: input.service_code } : {}),
      });
    }),

  /** Services, departments, districts and channels to filter by. */
  options: publicProcedure
    .input(z.object({ jurisdiction_id: z.string().optional() }).default({}))
    .query(async ({ ctx, input }) =>
      filterOptions(ctx.db, await jurisdictionFor(ctx.db, input.jurisdiction_id)),
    ),

  /** Opened, closed, open now, median and p90 time to close, request SLA share. */
  headline: publicProcedure
    .input(filtered)
    .query(async ({ ctx, input }) => headline(ctx.db, await scope(ctx.db, input))),

  /** Opened and closed per day, week or month, optionally per service, department, district or channel. */
  volume: publicProcedure
    .input(dashboardFilterInput.and(z.object({ period: periodInput, by: dimensionInput })))
    .query(async ({ ctx, input }) =>
      requestVolume(ctx.db, await scope(ctx.db, input), input.period, input.by),
    ),

  /** Median and p90 time to close, overall and per dimension value. */
  closeTimes: publicProcedure
    .input(filteredBy)
    .query(async ({ ctx, input }) => closeTimes(ctx.db, await scope(ctx.db, input), input.by)),

  /** Request and task SLA compliance (definitions in api/src/stats/sla.ts). */
  sla: publicProcedure
    .input(filteredBy)
    .query(async ({ ctx, input }) => slaCompliance(ctx.db, await scope(ctx.db, input), input.by, ctx.now())),

  /** Open requests by age: 0–2, 3–7, 8–30 and over 30 days. */
  backlog: publicProcedure
    .input(filteredBy)
    .query(async ({ ctx, input }) => backlogByAge(ctx.db, await scope(ctx.db, input), input.by, ctx.now())),

  /** Staff only: tasks completed per assignee, with median working time and on-time share. */
  throughput: staffProcedure.input(filtered).query(async ({ ctx, input }) => {
    const filter = await scope(ctx.db, input);
    return staffThroughput(ctx.db, filter, staffDepartments(ctx.staff, filter));
  }),

  /** Staff only: pending, overdue and due-within-24-hours tasks per department. */
  overdueTasks: staffProcedure.input(filtered).query(async ({ ctx, input }) => {
    const filter = await scope(ctx.db, input);
    return overdueTasks(ctx.db, filter, staffDepartments(ctx.staff, filter), ctx.now());
  }),
});
