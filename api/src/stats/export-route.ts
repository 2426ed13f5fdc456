/**
 * `GET /stats/export.csv?view=…&period=…&by=…&from=…&to=…&service=…&department=…&district=…&channel=…`:
 * one dashboard view as a CSV download, the same numbers as the page's tables. Public views need no
 * sign-in; `throughput` and `overdue-tasks` need a staff session (Bearer token or session cookie)
 * and cover the caller's departments (all for an admin).
 */
import { Hono } from 'hono';
import type { AppContext } from '../app-context.js';
import { createTrpcContext } from '../trpc/context.js';
import { toCsv } from './csv.js';
import { dashboardFilterInput, dashboardScope, dimensionInput, periodInput } from './dashboard-input.js';
import { dashboardViewNames, dashboardViews } from './dashboard-views.js';

/** The CSV export route, mounted at `/`. */
export function statsExportRoutes(app: AppContext): Hono {
  const http = new Hono();
  http.get('/stats/export.csv', async (c) => {
    const query = c.req.query();
    const view =
      query.view && Object.hasOwn(dashboardViews, query.view) ? dashboardViews[query.view] : undefined;
    if (!view) return c.json({ error: `view: choose one of ${dashboardViewNames.join(', ')}.` }, 400);
    const period = periodInput.safeParse(query.period);
    if (!period.success) return c.json({ error: 'period: choose day, week or month.' }, 400);
    const by = dimensionInput.safeParse(query.by);
    if (!by.success)
      return c.json({ error: 'by: choose none, service, department, district or channel.' }, 400);
    const parsed = dashboardFilterInput.safeParse({
      jurisdiction_id: query.jurisdiction_id,
      from: query.from || undefined,
      to: query.to || undefined,
      service: query.service || undefined,
      department: query.department || undefined,
      district: query.district || undefined,
      channel: query.channel || undefined,
    });
    if (!parsed.success) return c.json({ error: parsed.error.issues.map((i) => i.message).join(' ') }, 400);
    const scope = await dashboardScope(app.db, parsed.data);
    if (!scope.ok) return c.json({ error: scope.message }, scope.status);

    let departmentIds: string[] | null = [];
    if (view.staffOnly) {
      const { staff } = await createTrpcContext(app, c.req.raw.headers);
      if (!staff || staff.jurisdictionId !== scope.filter.jurisdictionId)
        return c.json({ error: 'Sign in as staff to export this view.' }, 401);
      departmentIds = staff.isAdmin ? null : staff.departmentIds;
    }
    const table = await view.table(app.db, scope.filter, {
      period: period.data,
      by: by.data,
      now: app.now(),
      departmentIds,
    });
    const name = [query.view, period.data, by.data, parsed.data.from, parsed.data.to]
      .filter(Boolean)
      .join('-');
    return c.body(toCsv(table.columns, table.rows), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="civicdesk-${name}.csv"`,
      'Cache-Control': view.staffOnly ? 'private, no-store' : 'no-cache',
    });
  });
  return http;
}
