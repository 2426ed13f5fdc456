/**
 * The staff queue under contention, on the real services: claims are guarded by the task version
 * (one clerk wins, the other is told plainly), unclaim and reassign follow who may take a task from
 * whom, and two clerks completing one task at once get one success and one CONFLICT while the task
 * row and the run agree. Every action leaves an audit row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRunState } from '@civicdesk/engine/temporal';
import { DEMO_API_KEY, eventually, postForm, startPlatform, type Platform } from '../support/platform.js';
import { staffCaller } from '../support/staff.js';

let platform: Platform;
let sam: Awaited<ReturnType<typeof staffCaller>>;
let sky: Awaited<ReturnType<typeof staffCaller>>;
let hana: Awaited<ReturnType<typeof staffCaller>>;
let pat: Awaited<ReturnType<typeof staffCaller>>;
let ids: Record<'sam' | 'sky' | 'hana' | 'pat', string>;

beforeAll(async () => {
  platform = await startPlatform('queue');
  const db = platform.app.db;
  // A second Streets clerk, so two people of one department can race for a task.
  const samRow = await db.staffMember.findFirstOrThrow({ where: { email: 'sam@springfield.gov' } });
  const streets = await db.department.findFirstOrThrow({ where: { code: 'streets' } });
  const skyRow = await db.staffMember.create({
    data: {
      jurisdictionId: samRow.jurisdictionId,
      email: 'sky@springfield.gov',
      name: 'Sky Streets',
      passwordHash: samRow.passwordHash,
      memberships: { create: { departmentId: streets.id, access: 'staff', roleCodes: ['crew'] } },
    },
  });
  sam = await staffCaller(platform.app, 'sam@springfield.gov');
  sky = await staffCaller(platform.app, 'sky@springfield.gov');
  hana = await staffCaller(platform.app, 'hana@springfield.gov');
  pat = await staffCaller(platform.app, 'pat@springfield.gov');
  const idOf = async (email: string) => (await db.staffMember.findFirstOrThrow({ where: { email } })).id;
  ids = {
    sam: samRow.id,
    sky: skyRow.id,
    hana: await idOf('hana@springfield.gov'),
    pat: await idOf('pat@springfield.gov'),
  };
});
afterAll(async () => platform?.stop());

/** Reports a pothole on a road and answers its "Inspect the site" task as the Streets queue lists it. */
async function streetsTask() {
  const posted = await postForm(platform.baseUrl, '/open311/v2/requests.json', [
    ['api_key', DEMO_API_KEY],
    ['service_code', 'pothole'],
    ['lat', '39.7817'],
    ['long', '-89.6501'],
    ['description', 'Hole in the road'],
    ['attribute[depth_cm]', '6'],
    ['attribute[location_type]', 'road'],
  ]);
  expect(posted.status).toBe(200);
  const [answer] = (await posted.json()) as { service_request_id: string }[];
  const requestId = answer!.service_request_id;
  const task = await eventually(
    async () =>
      (await sam.queue.list({ department: 'streets' })).find((t) => t.service_request_id === requestId),
    'the inspection task in the streets queue',
  );
  return { requestId, task };
}

/** What a refused tRPC call carries (a TRPCError: its code and message). */
interface Refusal {
  name: string;
  code: string;
  message: string;
}

/** The tRPC error a rejected call carried. */
async function refusal(call: Promise<unknown>): Promise<Refusal> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ name: 'TRPCError' });
  return error as Refusal;
}

const auditOf = (taskId: string) =>
  platform.app.db.auditLog.findMany({
    where: { subjectType: 'task', subjectId: taskId },
    orderBy: { id: 'asc' },
  });

describe('claiming a task', () => {
  it('two clerks claim one task at once: one wins, the other is told someone else claimed it', async () => {
    const { task } = await streetsTask();
    expect(task).toMatchObject({ status: 'open', assignee_id: null, version: 0 });
    const results = await Promise.allSettled([
      sam.queue.claim({ taskId: task.id, version: task.version }),
      sky.queue.claim({ taskId: task.id, version: task.version }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const error = lost[0]!.reason as Refusal;
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('Someone else claimed this task just now; refresh your queue.');

    const winner = results[0]!.status === 'fulfilled' ? ids.sam : ids.sky;
    const row = await platform.app.db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(row).toMatchObject({ status: 'claimed', assigneeId: winner, version: 1 });
    expect(row.claimedAt).toBeInstanceOf(Date);
    const listed = (await sam.queue.list({ department: 'streets' })).find((t) => t.id === task.id);
    expect(listed).toMatchObject({ status: 'claimed', assignee_id: winner, version: 1 });
    expect((await auditOf(task.id)).map((a) => [a.action, a.actorId])).toEqual([['task.claim', winner]]);
  });

  it('a stale version is refused even when the task is open again, and other departments cannot claim', async () => {
    const { task } = await streetsTask();
    const claimed = await sam.queue.claim({ taskId: task.id, version: 0 });
    expect(claimed).toMatchObject({ status: 'claimed', assignee_id: ids.sam, version: 1 });
    expect((await refusal(sam.queue.claim({ taskId: task.id, version: 0 }))).message).toBe(
      'You already claimed this task; refresh your queue.',
    );
    await sam.queue.unclaim({ taskId: task.id, version: 1 });
    const stale = await refusal(sky.queue.claim({ taskId: task.id, version: 1 }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toBe('This task changed since your queue was loaded; refresh your queue.');
    const forbidden = await refusal(pat.queue.claim({ taskId: task.id, version: 2 }));
    expect(forbidden.code).toBe('FORBIDDEN');
    expect(await sky.queue.claim({ taskId: task.id, version: 2 })).toMatchObject({
      assignee_id: ids.sky,
      version: 3,
    });
  });
});

describe('unclaiming and reassigning', () => {
  it('only the claimer or a department head may unclaim', async () => {
    const { task } = await streetsTask();
    await sam.queue.claim({ taskId: task.id, version: 0 });
    const notYours = await refusal(sky.queue.unclaim({ taskId: task.id, version: 1 }));
    expect(notYours.code).toBe('FORBIDDEN');
    expect(notYours.message).toMatch(/Only the person who claimed this task, a department head or an admin/);
    expect(await hana.queue.unclaim({ taskId: task.id, version: 1 })).toMatchObject({
      status: 'open',
      assignee_id: null,
      claimed_at: null,
      version: 2,
    });
    const notClaimed = await refusal(sam.queue.unclaim({ taskId: task.id, version: 2 }));
    expect(notClaimed.code).toBe('CONFLICT');
    expect((await auditOf(task.id)).map((a) => [a.action, a.actorId])).toEqual([
      ['task.claim', ids.sam],
      ['task.unclaim', ids.hana],
    ]);
  });

  it('reassigns within the department; a claimed task only by its claimer or a head', async () => {
    const { task } = await streetsTask();
    // An open task: any clerk of the department may hand it to a colleague.
    expect(await sam.queue.reassign({ taskId: task.id, version: 0, assigneeId: ids.sky })).toMatchObject({
      status: 'claimed',
      assignee_id: ids.sky,
      version: 1,
    });
    // Claimed by Sky: Sam may not take it away, the head may.
    const notYours = await refusal(sam.queue.reassign({ taskId: task.id, version: 1, assigneeId: ids.sam }));
    expect(notYours.code).toBe('FORBIDDEN');
    const outsider = await refusal(hana.queue.reassign({ taskId: task.id, version: 1, assigneeId: ids.pat }));
    expect(outsider.code).toBe('BAD_REQUEST');
    expect(outsider.message).toBe('assigneeId: choose an active staff member of the task department.');
    expect(await hana.queue.reassign({ taskId: task.id, version: 1, assigneeId: ids.sam })).toMatchObject({
      assignee_id: ids.sam,
      version: 2,
    });
    const stale = await refusal(sam.queue.reassign({ taskId: task.id, version: 1, assigneeId: ids.sky }));
    expect(stale.code).toBe('CONFLICT');
    const audit = await auditOf(task.id);
    expect(audit.map((a) => a.action)).toEqual(['task.reassign', 'task.reassign']);
    expect(audit[1]!.data).toMatchObject({ assigneeId: ids.sam, previousAssigneeId: ids.sky, version: 2 });
  });
});

describe('completing a task', () => {
  it('two clerks complete one task at once: one succeeds, one CONFLICT, and the row and the run agree', async () => {
    const { requestId, task } = await streetsTask();
    const results = await Promise.allSettled([
      sam.queue.complete({ taskId: task.id, version: task.version, outcome: 'not_found' }),
      sky.queue.complete({ taskId: task.id, version: task.version, outcome: 'duplicate' }),
    ]);
    const won = results.findIndex((r) => r.status === 'fulfilled');
    expect(won).toBeGreaterThanOrEqual(0);
    const lost = results[1 - won]!;
    expect(lost.status).toBe('rejected');
    const error = (lost as PromiseRejectedResult).reason as Refusal;
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/refresh your queue/i);

    const outcome = won === 0 ? 'not_found' : 'duplicate';
    const winner = won === 0 ? ids.sam : ids.sky;
    const row = await platform.app.db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(row).toMatchObject({ status: 'completed', outcome, completedBy: `staff:${winner}` });
    const run = await getRunState(platform.client, requestId);
    expect(run.closed).toBe(true);
    expect(run.openTasks).toEqual([]);
    expect(run.path).toContain(outcome === 'not_found' ? 'close-not-found' : 'close-duplicate');
    expect((await auditOf(task.id)).map((a) => [a.action, a.actorId])).toEqual([['task.complete', winner]]);
  });

  it('refuses a stale version before asking the run', async () => {
    const { requestId, task } = await streetsTask();
    await sam.queue.claim({ taskId: task.id, version: 0 });
    const stale = await refusal(sam.queue.complete({ taskId: task.id, version: 0, outcome: 'not_found' }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toBe('You already claimed this task; refresh your queue.');
    expect((await getRunState(platform.client, requestId)).openTasks.map((t) => t.taskId)).toEqual([task.id]);
    expect(await sam.queue.complete({ taskId: task.id, version: 1, outcome: 'not_found' })).toMatchObject({
      closed: true,
    });
  });
});
