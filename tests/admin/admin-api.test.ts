/**
 * The admin API over the real platform (PostgreSQL, Temporal, HTTP): departments, roles, staff,
 * services with all six attribute datatypes (seen at once in Open311), bindings (a request of the new
 * service runs its workflow), API keys (shown once, revoked at once), jurisdiction settings, and the
 * audit log. Department heads manage only their own department; clerks and anonymous callers nothing.
 */
import type { AttributeDefinition } from '@civicdesk/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, eventually, postForm, startPlatform, type Platform } from '../support/platform.js';
import { publicCaller, staffCaller } from '../support/staff.js';
import { adminCaller, refusal } from './admin-test-kit.js';

let platform: Platform;
let admin: Awaited<ReturnType<typeof adminCaller>>;

beforeAll(async () => {
  platform = await startPlatform('admin-api');
  admin = await adminCaller(platform.app);
}, 120_000);
afterAll(() => platform?.stop());

const open311 = (path: string) => fetch(`${platform.baseUrl}/open311/v2${path}`);

/** Every datatype Open311 defines, as an admin would enter them. */
const sixAttributes: AttributeDefinition[] = [
  {
    variable: true,
    code: 'size',
    datatype: 'singlevaluelist',
    required: true,
    order: 1,
    description: 'How big is the leak?',
    values: [
      { key: 'drip', name: 'Dripping' },
      { key: 'gush', name: 'Gushing' },
    ],
  },
  {
    variable: true,
    required: false,
    code: 'seen',
    datatype: 'multivaluelist',
    order: 2,
    description: 'What do you see?',
    values: [
      { key: 'water', name: 'Water' },
      { key: 'hole', name: 'A hole' },
    ],
  },
  {
    variable: true,
    required: false,
    code: 'meter',
    datatype: 'string',
    order: 3,
    description: 'Meter number, if you know it',
  },
  {
    variable: true,
    required: false,
    code: 'litres',
    datatype: 'number',
    order: 4,
    description: 'About how many litres a minute?',
  },
  {
    variable: true,
    required: false,
    code: 'since',
    datatype: 'datetime',
    order: 5,
    description: 'Since when?',
  },
  {
    variable: true,
    required: false,
    code: 'notes',
    datatype: 'text',
    order: 6,
    description: 'Anything else?',
  },
];

describe('departments and roles', () => {
  it('creates and renames a department, refusing a taken code on the code field', async () => {
    const created = await admin.admin.departments.create({
      code: 'water',
      name: 'Water',
      email: 'water@springfield.gov',
    });
    expect(created).toMatchObject({ code: 'water', name: 'Water' });
    expect(
      (await refusal(admin.admin.departments.create({ code: 'water', name: 'Again' }))).fields.code,
    ).toMatch(/already exists/);
    expect(
      (await refusal(admin.admin.departments.create({ code: 'Water Works', name: 'W' }))).fields.code,
    ).toMatch(/lowercase slug/);
    await admin.admin.departments.rename({ code: 'water', name: 'Water and Sewer' });
    const list = await admin.admin.departments.list();
    expect(list.find((d) => d.code === 'water')).toMatchObject({
      name: 'Water and Sewer',
      email: 'water@springfield.gov',
    });
    await admin.admin.roles.save({ department: 'water', code: 'plumber', name: 'Plumber' });
    expect((await admin.admin.departments.list()).find((d) => d.code === 'water')?.roles).toEqual([
      { code: 'plumber', name: 'Plumber' },
    ]);
  });

  it('lets a department head manage roles of their own department only', async () => {
    const hana = await staffCaller(platform.app, 'hana@springfield.gov'); // heads Streets
    await hana.admin.roles.save({ department: 'streets', code: 'flagger', name: 'Traffic flagger' });
    expect((await refusal(hana.admin.roles.save({ department: 'parks', code: 'x', name: 'X' }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await refusal(hana.admin.departments.create({ code: 'x', name: 'X' }))).code).toBe('FORBIDDEN');
    const sam = await staffCaller(platform.app, 'sam@springfield.gov'); // a clerk
    expect((await refusal(sam.admin.departments.list())).code).toBe('FORBIDDEN');
    expect((await refusal(sam.admin.staff.list())).code).toBe('FORBIDDEN');
    const anonymous = await publicCaller(platform.app);
    expect((await refusal(anonymous.admin.departments.list())).code).toBe('UNAUTHORIZED');
  });
});

describe('services, attributes and bindings', () => {
  it('saves a service with all six datatypes; Open311 lists it at once', async () => {
    await admin.admin.services.save({
      service_code: 'water-leak',
      service_name: 'Water leak',
      description: 'Water leaking from a main, hydrant or meter.',
      group: 'Water',
      keywords: ['water', 'leak'],
      department: 'water',
      expected_sla: 'P2D',
      attributes: [...sixAttributes],
    });
    const services = (await (await open311('/services.json')).json()) as {
      service_code: string;
      metadata: boolean;
    }[];
    expect(services.find((s) => s.service_code === 'water-leak')).toMatchObject({ metadata: true });
    const definition = (await (await open311('/services/water-leak.json')).json()) as {
      attributes: { code: string; datatype: string; values?: unknown[] }[];
    };
    expect(definition.attributes.map((a) => a.datatype)).toEqual(sixAttributes.map((a) => a.datatype));
    expect(definition.attributes[0]!.values).toEqual([
      { key: 'drip', name: 'Dripping' },
      { key: 'gush', name: 'Gushing' },
    ]);
  });

  it('refuses bad attributes naming each field and the fix', async () => {
    const refused = await refusal(
      admin.admin.services.save({
        service_code: 'water-leak',
        service_name: 'Water leak',
        department: 'water',
        attributes: [
          { code: 'size', datatype: 'singlevaluelist', order: 1, description: 'How big?' },
          { code: 'size', datatype: 'number', order: 1, description: 'Again' },
        ],
      }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.fields['attributes[0].values']).toMatch(/list its choices under values/);
    expect(refused.fields['attributes[1].code']).toMatch(/used twice/);
    expect(refused.fields['attributes[1].order']).toMatch(/own order/);
    const unknown = await refusal(
      admin.admin.services.save({ service_code: 'x', service_name: 'X', department: 'nowhere' }),
    );
    expect(unknown.fields.department).toMatch(/no department 'nowhere'/);
  });

  it('binds the service to a workflow; a new request runs it and reaches the queue', async () => {
    expect(
      (await refusal(admin.admin.bindings.bind({ service_code: 'water-leak', workflow: 'nope' }))).fields
        .workflow,
    ).toMatch(/no workflow 'nope'/);
    await admin.admin.bindings.bind({ service_code: 'water-leak', workflow: 'parks-maintenance' });
    const bindings = await admin.admin.bindings.list();
    expect(bindings.services.find((s) => s.service_code === 'water-leak')?.workflow).toBe(
      'parks-maintenance',
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
          .findFirst({ where: { requestId: BigInt(service_request_id) } })
          .then((t) => t ?? undefined),
      'the bound workflow to create its first task',
    );
    expect(task.nodeId).toBe('assess');
  });

  it('hides a deactivated service from Open311', async () => {
    await admin.admin.services.setActive({ service_code: 'water-leak', active: false });
    const services = (await (await open311('/services.json')).json()) as { service_code: string }[];
    expect(services.map((s) => s.service_code)).not.toContain('water-leak');
    await admin.admin.services.setActive({ service_code: 'water-leak', active: true });
  });
});

describe('staff', () => {
  it('invites a person with a temporary password that signs in, and deactivates them', async () => {
    const created = await admin.admin.staff.create({
      email: 'Wendy@Springfield.gov',
      name: 'Wendy Water',
      memberships: [{ department: 'water', access: 'staff', roles: ['plumber'] }],
    });
    expect(created.email).toBe('wendy@springfield.gov');
    expect(created.temporaryPassword).toHaveLength(16);
    const stored = await platform.db.prisma.staffMember.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
    expect(stored.passwordHash).not.toContain(created.temporaryPassword);
    const wendy = await staffCaller(platform.app, 'wendy@springfield.gov', created.temporaryPassword);
    expect((await wendy.auth.me()).name).toBe('Wendy Water');

    await admin.admin.staff.deactivate({ staffId: created.id });
    const login = await refusal(
      staffCaller(platform.app, 'wendy@springfield.gov', created.temporaryPassword),
    );
    expect(login.code).toBe('UNAUTHORIZED');
    expect((await admin.admin.staff.list()).find((s) => s.id === created.id)).toMatchObject({
      active: false,
      memberships: [{ department: 'water', access: 'staff', roles: ['plumber'] }],
    });
  });

  it('refuses a taken email, an unknown role and an unknown department, each on its field', async () => {
    expect(
      (await refusal(admin.admin.staff.create({ email: 'sam@springfield.gov', name: 'Sam' }))).fields.email,
    ).toMatch(/already has an account/);
    const refused = await refusal(
      admin.admin.staff.create({
        email: 'new@springfield.gov',
        name: 'New',
        memberships: [
          { department: 'water', access: 'staff', roles: ['astronaut'] },
          { department: 'mars', access: 'staff', roles: [] },
        ],
      }),
    );
    expect(refused.fields['memberships[0].roles[0]']).toMatch(/no role 'astronaut'; use one of: plumber/);
    expect(refused.fields['memberships[1].department']).toMatch(/no department 'mars'/);
  });

  it('lets a department head add and manage people of their department only', async () => {
    const hana = await staffCaller(platform.app, 'hana@springfield.gov');
    const added = await hana.admin.staff.create({
      email: 'cris@springfield.gov',
      name: 'Cris Crew',
      memberships: [{ department: 'streets', access: 'staff', roles: ['crew'] }],
    });
    await hana.admin.staff.setMembership({
      staffId: added.id,
      department: 'streets',
      access: 'staff',
      roles: ['crew', 'flagger'],
    });
    const seen = await hana.admin.staff.list();
    expect(seen.map((s) => s.email)).toEqual(
      expect.arrayContaining(['cris@springfield.gov', 'sam@springfield.gov']),
    );
    expect(seen.map((s) => s.email)).not.toContain('pat@springfield.gov');
    const elsewhere = await refusal(
      hana.admin.staff.create({
        email: 'p2@springfield.gov',
        name: 'P',
        memberships: [{ department: 'parks', access: 'staff', roles: [] }],
      }),
    );
    expect(elsewhere.fields['memberships[0].department']).toMatch(/only an administrator/);
    expect(
      (await refusal(hana.admin.staff.create({ email: 'boss@springfield.gov', name: 'B', isAdmin: true })))
        .fields.isAdmin,
    ).toMatch(/Only an administrator/);
    const pat = (await admin.admin.staff.list()).find((s) => s.email === 'pat@springfield.gov')!;
    expect((await refusal(hana.admin.staff.deactivate({ staffId: pat.id }))).code).toBe('FORBIDDEN');
  });
});

describe('API keys', () => {
  it('shows a new key once, lists it by prefix, and refuses it on Open311 once revoked', async () => {
    const created = await admin.admin.apiKeys.create({ name: 'FixMyStreet' });
    expect(created.key).toMatch(/^cd_/);
    const listed = (await admin.admin.apiKeys.list()).find((k) => k.id === created.id)!;
    expect(listed).toEqual(
      expect.objectContaining({ name: 'FixMyStreet', prefix: created.key.slice(0, 8), revokedAt: null }),
    );
    expect(JSON.stringify(await admin.admin.apiKeys.list())).not.toContain(created.key);
    const post = (key: string) =>
      postForm(platform.baseUrl, '/open311/v2/requests.json', [
        ['api_key', key],
        ['service_code', 'park-maintenance'],
        ['lat', '39.7817'],
        ['long', '-89.6501'],
      ]);
    expect((await post(created.key)).status).toBe(200);
    await admin.admin.apiKeys.revoke({ id: created.id });
    expect((await post(created.key)).status).toBe(403);
    expect((await refusal(admin.admin.apiKeys.revoke({ id: created.id }))).fields.id).toMatch(
      /already revoked/,
    );
  });
});

describe('jurisdiction settings', () => {
  it('refuses a calendar in another zone and an open boundary ring, naming the field', async () => {
    const current = await admin.admin.jurisdiction.get();
    const zone = await refusal(
      admin.admin.jurisdiction.update({
        ...current,
        calendar: { ...current.calendar!, timezone: 'Europe/Paris' },
      }),
    );
    expect(zone.fields['calendar.timezone']).toMatch(/use the same zone/);
    const ring = await refusal(
      admin.admin.jurisdiction.update({
        ...current,
        boundary: {
          type: 'Polygon',
          coordinates: [
            [
              [-89.7, 39.7],
              [-89.6, 39.7],
              [-89.6, 39.8],
              [-89.7, 39.8],
            ],
          ],
        },
      }),
    );
    expect(ring.fields['boundary.coordinates[0]']).toMatch(/end where it starts/);
    const holiday = await refusal(
      admin.admin.jurisdiction.update({
        ...current,
        calendar: { ...current.calendar!, holidays: ['25/12/2026'] },
      }),
    );
    expect(holiday.fields['calendar.holidays[0]']).toMatch(/ISO date/);
  });

  it('applies a new boundary to the next report and stores a district', async () => {
    const current = await admin.admin.jurisdiction.get();
    // Only the city centre: a report from the old city edge is now outside.
    const centre = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [-89.7, 39.75],
          [-89.6, 39.75],
          [-89.6, 39.85],
          [-89.7, 39.85],
          [-89.7, 39.75],
        ] as [number, number][],
      ],
    };
    await admin.admin.jurisdiction.update({ ...current, name: 'City of Springfield, IL', boundary: centre });
    const edge = await postForm(platform.baseUrl, '/open311/v2/requests.json', [
      ['api_key', DEMO_API_KEY],
      ['service_code', 'park-maintenance'],
      ['lat', '39.72'],
      ['long', '-89.65'],
    ]);
    expect(edge.status).toBe(400);
    await admin.admin.jurisdiction.saveArea({
      kind: 'district',
      code: 'centre',
      name: 'Centre',
      geometry: centre,
    });
    const after = await admin.admin.jurisdiction.get();
    expect(after.name).toBe('City of Springfield, IL');
    expect(after.areas.find((a) => a.code === 'centre')).toMatchObject({ kind: 'district', name: 'Centre' });
    await admin.admin.jurisdiction.update(current);
  });
});

describe('the audit log', () => {
  it('records every change, filtered by actor, action and subject, in pages', async () => {
    const byAdmin = await admin.admin.audit.list({ actor: 'admin@springfield.gov', limit: 200 });
    const actions = new Set(byAdmin.entries.map((e) => e.action));
    for (const action of [
      'department.create',
      'department.rename',
      'role.create',
      'service.create',
      'service.deactivate',
      'binding.set',
      'staff.create',
      'staff.deactivate',
      'api_key.create',
      'api_key.revoke',
      'jurisdiction.update',
      'area.create',
    ])
      expect(actions, action).toContain(action);
    expect(byAdmin.entries.every((e) => e.actor === 'admin@springfield.gov')).toBe(true);

    const staffActions = await admin.admin.audit.list({ action: 'staff.', limit: 200 });
    expect(staffActions.entries.length).toBeGreaterThan(0);
    expect(staffActions.entries.every((e) => e.action.startsWith('staff.'))).toBe(true);
    const byHana = await admin.admin.audit.list({ actor: 'hana@springfield.gov', action: 'staff.create' });
    expect(byHana.entries.map((e) => (e.data as { email: string }).email)).toEqual(['cris@springfield.gov']);

    const first = await admin.admin.audit.list({ limit: 3 });
    const second = await admin.admin.audit.list({ limit: 3, cursor: first.nextCursor! });
    expect(first.entries).toHaveLength(3);
    expect(second.entries.map((e) => e.id)).not.toContain(first.entries[0]!.id);
    expect(BigInt(second.entries[0]!.id)).toBeLessThan(BigInt(first.entries[2]!.id));
    const subject = first.entries[0]!;
    const bySubject = await admin.admin.audit.list({
      subjectType: subject.subjectType,
      subjectId: subject.subjectId!,
    });
    expect(bySubject.entries.every((e) => e.subjectId === subject.subjectId)).toBe(true);
    expect((await refusal(admin.admin.audit.list({ cursor: 'abc' }))).fields.cursor).toMatch(/nextCursor/);
  });
});
