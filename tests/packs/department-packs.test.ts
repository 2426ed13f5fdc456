/**
 * Department packs into a running city (real PostgreSQL, Temporal and HTTP): a new department arrives
 * with its services, roles and workflows and takes requests at once; the same pack again changes
 * nothing; a changed workflow gets a new version and the others keep theirs; a pack with a problem —
 * found by validation, or failing while being written — leaves the database byte for byte as it was;
 * every problem is listed with its path; export and the CLI round-trip.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, eventually, postForm, startPlatform, type Platform } from '../support/platform.js';
import { adminCaller, refusal } from '../admin/admin-test-kit.js';
import { auditActionsSince, lastAuditId, snapshotTables } from './table-snapshot.js';
import { waterPackYaml, waterWorkflow } from './water-pack.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
let platform: Platform;
let admin: Awaited<ReturnType<typeof adminCaller>>;
const scratch = mkdtempSync(join(tmpdir(), 'civicdesk-packs-'));

beforeAll(async () => {
  platform = await startPlatform('department-packs');
  admin = await adminCaller(platform.app);
}, 120_000);
afterAll(async () => {
  await platform?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

const importPack = (yaml: string) => admin.admin.packs.import({ yaml, fileName: 'water.yaml' });

describe('importing a department pack into a running city', () => {
  it('adds the department; Open311 lists its services and a request runs its workflow', async () => {
    const result = await importPack(waterPackYaml());
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const [water] = result.departments;
    expect(water!.changes).toEqual(
      expect.arrayContaining([
        'department water (created)',
        'role plumber (created)',
        'service water-leak (created)',
      ]),
    );
    expect(water!.workflows).toEqual([
      { slug: 'water-leak-repair', version: 1, published: true },
      { slug: 'hydrant-repair', version: 1, published: true },
      { slug: 'sewer-check', version: 1, published: true },
    ]);
    const services = (await (await fetch(`${platform.baseUrl}/open311/v2/services.json`)).json()) as {
      service_code: string;
    }[];
    expect(services.map((s) => s.service_code)).toEqual(
      expect.arrayContaining(['water-leak', 'hydrant', 'sewer-smell']),
    );

    const posted = await postForm(platform.baseUrl, '/open311/v2/requests.json', [
      ['api_key', DEMO_API_KEY],
      ['service_code', 'water-leak'],
      ['lat', '39.7817'],
      ['long', '-89.6501'],
      ['attribute[size]', 'gush'],
    ]);
    expect(posted.status).toBe(200);
    const [{ service_request_id }] = (await posted.json()) as [{ service_request_id: string }];
    const task = await eventually(
      () =>
        platform.db.prisma.task
          .findFirst({ where: { requestId: BigInt(service_request_id) }, include: { department: true } })
          .then((t) => t ?? undefined),
      'the imported workflow to create its task',
    );
    expect({ department: task.department.code, role: task.role, title: task.title }).toEqual({
      department: 'water',
      role: 'plumber',
      title: 'Stop the leak',
    });
    const audit = await admin.admin.audit.list({ action: 'pack.import' });
    expect(audit.entries[0]).toMatchObject({ actor: 'admin@springfield.gov', subjectId: 'water' });
  });

  it('changes nothing when the same pack comes again', async () => {
    const before = await snapshotTables(platform.db);
    const audited = await lastAuditId(platform.db);
    const again = await importPack(waterPackYaml());
    expect(again).toMatchObject({ ok: true, departments: [{ department: 'water', changes: [] }] });
    expect(await snapshotTables(platform.db)).toEqual(before);
    expect(await auditActionsSince(platform.db, audited)).toEqual(['pack.import']);
  });

  it('publishes a new version only of the workflow whose content changed', async () => {
    const result = await importPack(waterPackYaml({ firstTitle: 'Stop the leak quickly' }));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.departments[0]!.workflows).toEqual([
      { slug: 'water-leak-repair', version: 2, published: true },
      { slug: 'hydrant-repair', version: 1, published: false },
      { slug: 'sewer-check', version: 1, published: false },
    ]);
  });
});

describe('a pack with a problem changes nothing', () => {
  it('refuses an error in the 3rd workflow, naming its path; the tables are byte for byte unchanged', async () => {
    const before = await snapshotTables(platform.db);
    const bad = waterPackYaml({ thirdRole: 'astronaut', suffix: ' (v2)' });
    const checked = await admin.admin.packs.validate({ yaml: bad });
    const audited = await lastAuditId(platform.db);
    const result = await importPack(bad);
    expect(result).toEqual(checked);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        path: 'workflows[2].nodes.fix.assign.role',
        message: expect.stringMatching(/role 'astronaut'.*'plumber' or 'inspector'/),
      },
    ]);
    expect(await snapshotTables(platform.db)).toEqual(before);
    expect(await auditActionsSince(platform.db, audited)).toEqual(['pack.import.refused']);
  });

  it('rolls back a failure while the 3rd workflow is written; the tables are byte for byte unchanged', async () => {
    // A database failure validation cannot foresee, raised by the server itself mid-import.
    await platform.db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_sewer_check() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'disk full while writing %', NEW.slug; END $$`);
    await platform.db.prisma.$executeRawUnsafe(`
      CREATE TRIGGER refuse_sewer_check BEFORE UPDATE ON workflow_definitions
      FOR EACH ROW WHEN (NEW.slug = 'sewer-check') EXECUTE FUNCTION refuse_sewer_check()`);
    try {
      const before = await snapshotTables(platform.db);
      const audited = await lastAuditId(platform.db);
      const refused = await refusal(importPack(waterPackYaml({ suffix: ' (v2)' })));
      expect(refused.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await snapshotTables(platform.db)).toEqual(before);
      expect(await auditActionsSince(platform.db, audited)).toEqual([]);
    } finally {
      await platform.db.prisma.$executeRawUnsafe('DROP TRIGGER refuse_sewer_check ON workflow_definitions');
      await platform.db.prisma.$executeRawUnsafe('DROP FUNCTION refuse_sewer_check()');
    }
    // With the failure gone, the same pack goes in whole: every workflow gets its new version.
    const result = await importPack(waterPackYaml({ suffix: ' (v2)' }));
    expect(result.ok && result.departments[0]!.workflows.map((w) => w.published)).toEqual([true, true, true]);
  });

  it('lists every problem at once, each with its path', async () => {
    const broken = waterPackYaml()
      .replace('service_code: hydrant', 'service_code: pothole') // Streets owns pothole
      .replace('services: [water-leak]', 'services: [water-leek]')
      .replace(
        'assign: { department: water, role: inspector }',
        'assign: { department: water, role: diver }',
      );
    const result = await admin.admin.packs.validate({ yaml: broken });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'services[1].service_code',
        'workflows[0].services[0]',
        'workflows[1].nodes.fix.assign.role',
      ]),
    );
    expect(result.problems.find((p) => p.path === 'services[1].service_code')?.message).toMatch(
      /belongs to department 'streets'/,
    );

    const shape = await admin.admin.packs.validate({
      yaml: 'department: { code: Water, name: "" }\nservices:\n  - { service_code: x, service_name: X, attributes: [{ code: a, datatype: numeric, order: 1, description: A }] }\nworkflows:\n  - file: ../workflows/x.yaml\n',
    });
    expect(shape.ok).toBe(false);
    if (shape.ok) return;
    expect(shape.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'format',
        'department.code',
        'department.name',
        'services[0].attributes[0].datatype',
      ]),
    );
    const syntax = await admin.admin.packs.validate({
      yaml: 'format: civicdesk/department-pack@1\ndepartment: [\n',
    });
    expect(syntax.ok || syntax.problems[0]!.path).toMatch(/^line \d+/);
  });

  it('refuses an uploaded pack whose workflows are files elsewhere', async () => {
    const result = await admin.admin.packs.validate({
      yaml: `${waterPackYaml().split('workflows:')[0]}workflows:\n  - file: ../workflows/sewer-check.yaml\n`,
    });
    expect(result).toEqual({
      ok: false,
      problems: [{ path: 'workflows[0].file', message: expect.stringMatching(/must embed its workflows/) }],
    });
  });
});

describe('export and the command line', () => {
  it('exports a department with its services, roles and published workflow YAML', async () => {
    const { yaml, fileName } = await admin.admin.packs.export({ department: 'streets' });
    expect(fileName).toBe('streets.yaml');
    const pack = parse(yaml) as {
      format: string;
      department: { code: string; roles: { code: string }[] };
      services: { service_code: string; department?: string }[];
      workflows: { yaml: string }[];
    };
    expect(pack.format).toBe('civicdesk/department-pack@1');
    expect(pack.department.roles.map((r) => r.code)).toEqual(
      expect.arrayContaining(['inspector', 'crew', 'supervisor']),
    );
    expect(pack.services.map((s) => s.service_code)).toEqual(['pothole', 'streetlight-out']);
    expect(pack.services.every((s) => s.department === undefined)).toBe(true);
    const published = readFileSync(join(root, 'examples/springfield/workflows/pothole-repair.yaml'), 'utf8');
    expect(pack.workflows.map((w) => w.yaml)).toContain(published);
    // Streets exported and imported back is already up to date.
    expect(await admin.admin.packs.import({ yaml })).toMatchObject({
      ok: true,
      departments: [{ changes: [] }],
    });
  });

  it(
    'pack:export and pack:import round-trip through pnpm, as the README shows',
    { timeout: 120_000 },
    async () => {
      const env = { ...process.env, DATABASE_URL: platform.db.url };
      const exported = await run(
        'pnpm',
        ['--filter', '@civicdesk/api', 'pack:export', '--', '--department', 'water'],
        { cwd: root, env },
      );
      const file = join(scratch, 'water.yaml');
      const { writeFileSync } = await import('node:fs');
      writeFileSync(file, exported.stdout); // pnpm's "> script" banner included, as `> water.yaml` would write it
      const again = await run('pnpm', ['--filter', '@civicdesk/api', 'pack:import', '--', file], {
        cwd: root,
        env,
      });
      expect(again.stdout).toContain('water: already up to date');

      writeFileSync(file, exported.stdout.replace(/role: plumber/g, 'role: welder'));
      const refused = await run(
        'pnpm',
        ['--filter', '@civicdesk/api', '--silent', 'pack:import', '--', file],
        { cwd: root, env },
      ).catch((error: { code: number; stderr: string }) => error);
      expect(refused).toMatchObject({
        code: 1,
        stderr: expect.stringMatching(
          /Nothing was imported[\s\S]*workflows\[\d\]\.nodes\.fix\.assign\.role: Task 'fix' is assigned to role 'welder'/,
        ),
      });
    },
  );
});

// Keep the helper used: an unparseable embedded workflow is a problem of that workflow, not of the pack.
it('reports a workflow whose YAML does not parse under its own path', async () => {
  const yaml = waterPackYaml().replace(
    waterWorkflow('hydrant-repair', 'hydrant', 'inspector').split('\n')[1]!,
    'workflow: [',
  );
  const result = await admin.admin.packs.validate({ yaml });
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.problems.every((p) => p.path.startsWith('workflows[1]'))).toBe(true);
});
