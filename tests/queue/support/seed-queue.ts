/**
 * Seeds a big synthetic backlog straight into a database that has the Springfield pack: `count`
 * open requests with one waiting task each in one department, spread over its services, the city's
 * districts, 60 days of age and due dates before and after now (a seventh without one), a tenth
 * claimed. Plain SQL (generate_series) so 100,000 rows take seconds; for measuring, not for
 * behaviour tests, which create their tasks through the real workflows.
 */
import type { AppContext } from '@civicdesk/api';

export async function seedQueue(
  db: AppContext['db'],
  { department, count, claimedBy }: { department: string; count: number; claimedBy: string },
): Promise<void> {
  await db.$executeRaw`
    INSERT INTO service_requests (jurisdiction_id, service_id, status, description, lat, long, address,
      district, channel, department_id, requested_at)
    SELECT d.jurisdiction_id, s.ids[1 + g % array_length(s.ids, 1)], 'open',
      'Seeded report ' || g || CASE WHEN g % 3 = 0 THEN ' broken curb' ELSE ' deep hole' END,
      39.75 + (g % 997) / 997.0 * 0.08, -89.70 + (g % 991) / 991.0 * 0.1,
      (100 + g % 5000) || ' ' || (ARRAY['Main St', 'Elm St', 'Oak Ave', 'Monroe St'])[1 + g % 4],
      a.codes[1 + g % array_length(a.codes, 1)], 'web', d.id,
      now() - (g % 60) * interval '1 day' - (g % 1440) * interval '1 minute'
    FROM generate_series(1, ${count}) g
    CROSS JOIN (SELECT id, jurisdiction_id FROM departments WHERE code = ${department}) d
    CROSS JOIN LATERAL (SELECT array_agg(id ORDER BY code) AS ids FROM services WHERE department_id = d.id) s
    CROSS JOIN LATERAL (SELECT array_agg(code ORDER BY code) AS codes FROM jurisdiction_areas
      WHERE jurisdiction_id = d.jurisdiction_id AND kind = 'district') a`;
  await db.$executeRaw`
    INSERT INTO tasks (request_id, workflow_id, node_id, visit, title, kind, department_id, role, status,
      assignee_id, claimed_at, outcomes, due_at, created_at)
    SELECT r.id, 'request-' || r.id, 'inspect', 1, 'Inspect the site', 'work', r.department_id, 'inspector',
      CASE WHEN r.id % 10 = 0 THEN 'claimed' ELSE 'open' END,
      CASE WHEN r.id % 10 = 0 THEN ${claimedBy}::uuid END,
      CASE WHEN r.id % 10 = 0 THEN r.requested_at END,
      ARRAY['repaired', 'not_found'],
      CASE WHEN r.id % 7 = 0 THEN NULL
        ELSE r.requested_at + (r.id % 90) * interval '1 day' + (r.id % 1440) * interval '1 minute' END,
      r.requested_at
    FROM service_requests r LEFT JOIN tasks t ON t.request_id = r.id
    WHERE t.id IS NULL AND r.description LIKE 'Seeded report %'`;
  await db.$executeRawUnsafe('ANALYZE service_requests');
  await db.$executeRawUnsafe('ANALYZE tasks');
}
