/**
 * What the permission matrix calls against: the Springfield demo city on the real services, a
 * Streets pothole report with private fields and a tracking token (the "resident"), its open task,
 * a second Streets report, a Streets clerk for the staff-admin calls, and a caller per role.
 */
import { appRouter, createCallerFactory, createTrpcContext } from '@civicdesk/api';
import { eventually, startPlatform, type Platform } from '../support/platform.js';
import { publicCaller } from '../support/staff.js';
import type { Role } from './roles.js';

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

/** Values only the resident gave: they must never reach anyone but them, Streets and admins. */
export const PRIVATE = {
  first_name: 'Marjorie',
  last_name: 'Bouviersecret',
  email: 'marge.private@example.org',
  phone: '+1 217 555 0142',
};

export interface Fixture {
  platform: Platform;
  callers: Record<Role, Caller>;
  /** Bearer tokens of the staff roles, for the REST routes. */
  tokens: Partial<Record<Role, string>>;
  request: { id: string; token: string };
  other: { id: string };
  task: { id: string };
  ids: { sam: string; sky: string };
  draftYaml: string;
}

/** Files a Streets pothole through intake.submit as a resident. */
async function fileStreetsPothole(caller: Caller, lat: number, withContact: boolean) {
  return (await caller.intake.submit({
    service_code: 'pothole',
    lat,
    long: -89.6501,
    description: 'Deep hole in the right lane',
    attributes: { depth_cm: '6', location_type: 'road' },
    ...(withContact ? PRIVATE : {}),
  })) as { service_request_id: string; token: string };
}

export async function startFixture(): Promise<Fixture> {
  const platform = await startPlatform('permissions');
  const db = platform.app.db;
  const sam = await db.staffMember.findFirstOrThrow({ where: { email: 'sam@springfield.gov' } });
  const streets = await db.department.findFirstOrThrow({ where: { code: 'streets' } });
  const sky = await db.staffMember.create({
    data: {
      jurisdictionId: sam.jurisdictionId,
      email: 'sky@springfield.gov',
      name: 'Sky Streets',
      passwordHash: sam.passwordHash,
      memberships: { create: { departmentId: streets.id, access: 'staff', roleCodes: ['crew'] } },
    },
  });
  const anonymous = await publicCaller(platform.app);
  const tokens: Partial<Record<Role, string>> = {};
  const signIn = async (role: Role, email: string, password?: string) => {
    const { token } = await anonymous.auth.login({ email, password: password ?? 'springfield-demo' });
    tokens[role] = token;
    return createCaller(
      await createTrpcContext(platform.app, new Headers({ authorization: `Bearer ${token}` })),
    );
  };
  const callers: Record<Role, Caller> = {
    anonymous,
    resident: await publicCaller(platform.app),
    otherStaff: await signIn('otherStaff', 'pat@springfield.gov'),
    staff: await signIn('staff', 'sam@springfield.gov'),
    head: await signIn('head', 'hana@springfield.gov'),
    admin: await signIn('admin', 'admin@springfield.gov', 'springfield-admin'),
  };
  const filed = await fileStreetsPothole(anonymous, 39.7817, true);
  const other = await fileStreetsPothole(anonymous, 39.7822, false);
  const task = await eventually(
    async () =>
      (await callers.staff.queue.list({ department: 'streets' })).find(
        (t) => t.service_request_id === filed.service_request_id,
      ),
    'the fixture request’s task in the Streets queue',
    // The run starts through the outbox relay and the worker; give a busy machine time.
    120_000,
  );
  const draft = await callers.admin.workflows.get({ slug: 'pothole-repair' });
  return {
    platform,
    callers,
    tokens,
    request: { id: filed.service_request_id, token: filed.token },
    other: { id: other.service_request_id },
    task: { id: task.id },
    ids: { sam: sam.id, sky: sky.id },
    draftYaml: draft.draftYaml,
  };
}
