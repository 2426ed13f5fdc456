/**
 * Fills the benchmark database with a big city's history: 1M synthetic NYC-like requests (the
 * duplicates bench's seeder, bench/duplicates/synthetic-nyc.ts), spread over departments named after
 * NYC's agencies in their real shares, the most recent requests reopened so that OPEN_TASKS are open,
 * one active task per open request (a fifth claimed, due dates around "now", some overdue), one
 * completed task per closed request, a public timeline for every request and a clerk per department.
 * Every row is made by PostgreSQL (INSERT … SELECT), one statement per table; then the tables are
 * put in time order on disk, as years of appends leave them.
 */
import { fillSyntheticNyc, planFromFrequencies, readFrequencies } from '../duplicates/synthetic-nyc.js';
import { hashPassword, type PrismaClient } from './api.js';

/** The benchmark's "now": the end of the synthetic period, so recent requests are recent. */
export const BENCH_NOW = new Date('2021-01-01T05:00:00Z');
export const BENCH_PASSWORD = 'bench-queries';
/** A clerk who works in every department (staff access, not admin). */
export const BENCH_CLERK = 'clerk@bench.nyc.gov';

/** NYC agencies in their sample shares; "city-311" takes the 18 smaller agencies. */
const AGENCIES: { code: string; name: string }[] = [
  { code: 'nypd', name: 'Police Department' },
  { code: 'hpd', name: 'Housing Preservation and Development' },
  { code: 'dot', name: 'Transportation' },
  { code: 'dsny', name: 'Sanitation' },
  { code: 'dep', name: 'Environmental Protection' },
  { code: 'dob', name: 'Buildings' },
  { code: 'dpr', name: 'Parks and Recreation' },
  { code: 'dohmh', name: 'Health and Mental Hygiene' },
  { code: 'dof', name: 'Finance' },
  { code: 'tlc', name: 'Taxi and Limousine Commission' },
];

/** The ten busiest complaint types belong to known agencies. */
const TOP_SERVICE_AGENCY: Record<string, string> = {
  'noise-residential': 'nypd',
  'heat-hot-water': 'hpd',
  'illegal-parking': 'nypd',
  'blocked-driveway': 'nypd',
  'street-condition': 'dot',
  'street-light-condition': 'dot',
  heating: 'hpd',
  plumbing: 'hpd',
  'water-system': 'dep',
  'noise-street-sidewalk': 'nypd',
};

export interface SeedFigures {
  requests: number;
  openRequests: number;
  activeTasks: number;
  overdueTasks: number;
  completedTasks: number;
  timelineEvents: number;
  departments: number;
  seconds: number;
}

/** Fills an empty, migrated database; `log` reports progress. */
export async function seedCity(
  prisma: PrismaClient,
  options: { requests: number; openTasks: number },
  log: (line: string) => void,
): Promise<SeedFigures> {
  const started = Date.now();
  const freqs = readFrequencies();
  const plan = planFromFrequencies(freqs, options.requests);
  log(`requests: ${options.requests.toLocaleString('en')} over ${plan.services.length} services …`);
  await fillSyntheticNyc(prisma, plan, log);

  log('departments and clerks …');
  await prisma.department.updateMany({
    where: { jurisdictionId: 'nyc.gov', code: 'city-311' },
    data: { name: 'NYC 311 (smaller agencies)' },
  });
  const departments = new Map<string, string>();
  const city311 = await prisma.department.findFirstOrThrow({ where: { code: 'city-311' } });
  departments.set('city-311', city311.id);
  for (const agency of AGENCIES) {
    const d = await prisma.department.create({ data: { jurisdictionId: 'nyc.gov', ...agency } });
    departments.set(agency.code, d.id);
  }
  // Services outside the top ten go to agencies in proportion to the agencies' shares in the sample.
  const agencyShares = freqs
    .filter((f) => f.field === 'Agency')
    .map((f) => ({ code: f.value.startsWith('Other') ? 'city-311' : f.value.toLowerCase(), count: f.count }));
  const shareTotal = agencyShares.reduce((n, a) => n + a.count, 0);
  const others = plan.services.filter((s) => !TOP_SERVICE_AGENCY[s.code]);
  for (const [i, service] of others.entries()) {
    let u = ((i + 0.5) / others.length) * shareTotal;
    const agency = agencyShares.find((a) => (u -= a.count) < 0)?.code ?? 'city-311';
    TOP_SERVICE_AGENCY[service.code] = agency;
  }
  for (const [code, agency] of Object.entries(TOP_SERVICE_AGENCY)) {
    await prisma.service.updateMany({
      where: { jurisdictionId: 'nyc.gov', code },
      data: { departmentId: departments.get(agency) ?? city311.id },
    });
  }
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const clerk = await prisma.staffMember.create({
    data: { jurisdictionId: 'nyc.gov', email: BENCH_CLERK, name: 'Bench Clerk', passwordHash },
  });
  for (const [code, id] of departments) {
    const own = await prisma.staffMember.create({
      data: {
        jurisdictionId: 'nyc.gov',
        email: `${code}@bench.nyc.gov`,
        name: `${code} clerk`,
        passwordHash,
      },
    });
    await prisma.staffMembership.createMany({
      data: [
        { staffId: own.id, departmentId: id, access: 'staff' },
        { staffId: clerk.id, departmentId: id, access: 'staff' },
      ],
    });
  }

  log('requests follow their services to the departments; the most recent ones reopened …');
  await prisma.$executeRawUnsafe(`
    UPDATE service_requests r SET department_id = s.department_id
    FROM services s WHERE s.id = r.service_id AND r.department_id <> s.department_id`);
  await prisma.$executeRawUnsafe(
    `UPDATE service_requests SET status = 'open', extended_status = 'open', closed_at = NULL
     WHERE id IN (SELECT id FROM service_requests WHERE status = 'closed'
                  ORDER BY requested_at DESC
                  LIMIT greatest(0, $1::int - (SELECT count(*) FROM service_requests WHERE status = 'open')))`,
    options.openTasks,
  );

  log('tasks: one active per open request, one completed per closed request …');
  // A fifth of the active tasks are claimed by their department's clerk; due dates fall from 5 days
  // before to 15 days after BENCH_NOW, so about a quarter are overdue.
  await prisma.$executeRawUnsafe(
    `INSERT INTO tasks (request_id, workflow_id, node_id, visit, title, kind, department_id, role, status,
                        assignee_id, outcomes, due_at, created_at, claimed_at)
     SELECT r.id, 'request-' || r.id, 'inspect', 0, 'Inspect: ' || s.name, 'work', r.department_id, NULL,
            CASE WHEN g.claimed THEN 'claimed' ELSE 'open' END,
            CASE WHEN g.claimed THEN c.staff_id END,
            ARRAY['fixed', 'not_found'],
            $1::timestamptz + (g.u_due * 20 - 5) * interval '1 day',
            r.requested_at + interval '1 minute',
            CASE WHEN g.claimed THEN r.requested_at + interval '1 hour' END
     FROM (SELECT id, random() < 0.2 AS claimed, random() AS u_due FROM service_requests WHERE status = 'open') g
     JOIN service_requests r ON r.id = g.id
     JOIN services s ON s.id = r.service_id
     JOIN LATERAL (SELECT m.staff_id FROM staff_memberships m JOIN staff_members sm ON sm.id = m.staff_id
                   WHERE m.department_id = r.department_id AND sm.email <> $2 LIMIT 1) c ON true`,
    BENCH_NOW,
    BENCH_CLERK,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO tasks (request_id, workflow_id, node_id, visit, title, kind, department_id, status, outcomes,
                        outcome, due_at, created_at, completed_at, completed_by)
     SELECT r.id, 'request-' || r.id, 'inspect', 0, 'Inspect: ' || s.name, 'work', r.department_id, 'completed',
            ARRAY['fixed', 'not_found'], 'fixed', r.requested_at + interval '7 days',
            r.requested_at + interval '1 minute', r.closed_at, 'system'
     FROM service_requests r JOIN services s ON s.id = r.service_id
     WHERE r.status = 'closed'`,
  );

  log('timeline: "received" for every request, "closed" for closed ones …');
  await prisma.$executeRawUnsafe(
    `INSERT INTO timeline_events (request_id, at, kind, public, summary, actor)
     SELECT id, requested_at, 'opened', true, 'Request received', 'resident' FROM service_requests`,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO timeline_events (request_id, at, kind, public, summary, actor)
     SELECT id, closed_at, 'closed', true, 'Closed: fixed', 'system' FROM service_requests WHERE status = 'closed'`,
  );
  // A real city's rows are appended as they come, so a table lies in time order on disk; the
  // generated rows do not (each service's rows were made at once). CLUSTER puts them in that order,
  // so that a date range reads neighbouring pages as it would in production.
  log('ordering requests and tasks on disk by time, as years of appends would (CLUSTER) …');
  await prisma.$executeRawUnsafe(
    `CLUSTER service_requests USING service_requests_jurisdiction_id_requested_at_idx`,
  );
  await prisma.$executeRawUnsafe(`CREATE INDEX bench_tasks_created_at ON tasks (created_at)`);
  await prisma.$executeRawUnsafe(`CLUSTER tasks USING bench_tasks_created_at`);
  await prisma.$executeRawUnsafe(`DROP INDEX bench_tasks_created_at`);
  log('VACUUM ANALYZE (as autovacuum would have, on a database this old) …');
  await prisma.$executeRawUnsafe(`VACUUM (ANALYZE)`);

  const [row] = await prisma.$queryRawUnsafe<
    {
      requests: bigint;
      open_requests: bigint;
      active: bigint;
      overdue: bigint;
      completed: bigint;
      timeline: bigint;
    }[]
  >(
    `SELECT (SELECT count(*) FROM service_requests) AS requests,
            (SELECT count(*) FROM service_requests WHERE status = 'open') AS open_requests,
            (SELECT count(*) FROM tasks WHERE status IN ('open', 'claimed')) AS active,
            (SELECT count(*) FROM tasks WHERE status IN ('open', 'claimed') AND due_at < $1) AS overdue,
            (SELECT count(*) FROM tasks WHERE status = 'completed') AS completed,
            (SELECT count(*) FROM timeline_events) AS timeline`,
    BENCH_NOW,
  );
  const figures: SeedFigures = {
    requests: Number(row?.requests),
    openRequests: Number(row?.open_requests),
    activeTasks: Number(row?.active),
    overdueTasks: Number(row?.overdue),
    completedTasks: Number(row?.completed),
    timelineEvents: Number(row?.timeline),
    departments: departments.size,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  // Written last: its presence marks a finished fill (bench-database.ts).
  await prisma.$executeRawUnsafe(
    `CREATE TABLE bench_seed_info (figures jsonb NOT NULL, seeded_at timestamptz)`,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO bench_seed_info VALUES ($1::jsonb, now())`,
    JSON.stringify(figures),
  );
  return figures;
}

/** The figures of the fill that made the kept database. */
export async function seedFigures(prisma: PrismaClient): Promise<SeedFigures & { seededAt: Date }> {
  const [row] = await prisma.$queryRawUnsafe<{ figures: SeedFigures; seeded_at: Date }[]>(
    `SELECT figures, seeded_at FROM bench_seed_info LIMIT 1`,
  );
  if (!row) throw new Error('bench_seed_info is empty: run with FRESH=1 to fill the database again.');
  return { ...row.figures, seededAt: row.seeded_at };
}
