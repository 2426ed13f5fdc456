/**
 * What a clerk does to tasks from the queue, on the real services: bulk actions answer a result per
 * task (a task someone else claimed, or one of another department, fails alone while the rest go
 * through), marking a duplicate links the requests, and an internal note stays internal — Open311
 * GET (single, list, extensions, updates), the tracking page and the resident's reply never show it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from '../support/platform.js';
import { publicCaller, staffCaller } from '../support/staff.js';
import { filePothole, fileStreetlight, tasksOf } from './support/file-requests.js';

let platform: Platform;
let sam: Awaited<ReturnType<typeof staffCaller>>;
let sky: Awaited<ReturnType<typeof staffCaller>>;
let pat: Awaited<ReturnType<typeof staffCaller>>;
const ids = { sam: '', sky: '' };

beforeAll(async () => {
  platform = await startPlatform('queue-actions');
  const db = platform.app.db;
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
  ids.sam = samRow.id;
  ids.sky = skyRow.id;
  sam = await staffCaller(platform.app, 'sam@springfield.gov');
  sky = await staffCaller(platform.app, 'sky@springfield.gov');
  pat = await staffCaller(platform.app, 'pat@springfield.gov');
}, 120_000);
afterAll(async () => platform?.stop());

const spot: [number, number] = [39.7817, -89.6501];

/** Files a pothole on a park path: its task waits in the Parks queue. */
const parksTask = () => filePothole(platform, [39.799, -89.644], 'Hole on the park path', 6, 'park_path');

describe('queue.bulk', () => {
  it('claims what it can and says why the others failed, one result per task', async () => {
    const filed = await Promise.all([1, 2, 3].map((i) => filePothole(platform, spot, `Bulk claim ${i}`)));
    const [a, b, c] = await tasksOf(sam, 'streets', filed);
    await sky.queue.claim({ taskId: b!.id, version: b!.version });
    const park = await tasksOf(pat, 'parks', [await parksTask()]);

    const answer = await sam.queue.bulk({
      action: { kind: 'claim' },
      items: [a!, b!, c!, park[0]!].map((t) => ({ taskId: t.id, version: t.version })),
    });
    expect(answer).toMatchObject({ succeeded: 2, failed: 2 });
    expect(answer.results).toEqual([
      { taskId: a!.id, ok: true, version: 1 },
      {
        taskId: b!.id,
        ok: false,
        code: 'CONFLICT',
        message: 'Someone else claimed this task just now; refresh your queue.',
      },
      { taskId: c!.id, ok: true, version: 1 },
      {
        taskId: park[0]!.id,
        ok: false,
        code: 'FORBIDDEN',
        message: "You can only claim tasks in your own department's queue.",
      },
    ]);
    const rows = await platform.app.db.task.findMany({ where: { id: { in: [a!.id, b!.id, c!.id] } } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.assigneeId]))).toEqual({
      [a!.id]: ids.sam,
      [b!.id]: ids.sky,
      [c!.id]: ids.sam,
    });
    const audit = await platform.app.db.auditLog.findMany({
      where: { actorId: ids.sam, action: { in: ['task.claim', 'queue.bulk'] } },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((r) => [r.action, r.subjectId])).toEqual([
      ['task.claim', a!.id],
      ['task.claim', c!.id],
      ['queue.bulk', null],
    ]);
    expect(audit[2]!.data).toMatchObject({ kind: 'claim', succeeded: 2, failed: 2 });

    // Give both to a colleague; a stale version fails alone.
    const handed = await sam.queue.bulk({
      action: { kind: 'reassign', assigneeId: ids.sky },
      items: [
        { taskId: a!.id, version: 1 },
        { taskId: c!.id, version: 0 },
      ],
    });
    expect(handed.results.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['ok', 'CONFLICT']);
    expect((await platform.app.db.task.findUniqueOrThrow({ where: { id: a!.id } })).assigneeId).toBe(ids.sky);

    // Put back in the queue: only the claimer (or a head) may; Sky may for the task Sky holds.
    const back = await sky.queue.bulk({
      action: { kind: 'unclaim' },
      items: [
        { taskId: a!.id, version: 2 },
        { taskId: c!.id, version: 1 },
      ],
    });
    expect(back.results.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['ok', 'FORBIDDEN']);
  });

  it('transfers, notes and marks duplicates in bulk, each item on its own', async () => {
    const original = await filePothole(platform, spot, 'The first report of the hole');
    const filed = await Promise.all([1, 2].map((i) => filePothole(platform, spot, `Same hole again ${i}`)));
    const [first, second] = await tasksOf(sam, 'streets', filed);
    const items = [first!, second!].map((t) => ({ taskId: t.id, version: t.version }));

    const noted = await sam.queue.bulk({ action: { kind: 'note', text: 'Crew visiting Tuesday' }, items });
    expect(noted.succeeded).toBe(2);
    const marked = await sam.queue.bulk({
      action: { kind: 'duplicate', duplicateOf: `#${original.id}` },
      items: [...items, { taskId: (await tasksOf(sam, 'streets', [original]))[0]!.id, version: 0 }],
    });
    expect(marked.results.map((r) => (r.ok ? 'ok' : r.message))).toEqual([
      'ok',
      'ok',
      expect.stringMatching(/^duplicateOf: Request \d+ cannot be a duplicate of itself/),
    ]);
    for (const f of filed) {
      const row = await platform.app.db.serviceRequest.findUniqueOrThrow({ where: { id: BigInt(f.id) } });
      expect(row.duplicateOfId?.toString()).toBe(original.id);
    }

    const moved = await sam.queue.bulk({
      action: { kind: 'transfer', department: 'parks', role: 'crew', note: 'Inside the park' },
      items: [items[0]!, { taskId: second!.id, version: 99 }],
    });
    expect(moved.results.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['ok', 'CONFLICT']);
    const inParks = await pat.queue.page({ department: 'parks', search: filed[0]!.id });
    expect(inParks.tasks.map((t) => [t.id, t.status, t.duplicate_of])).toEqual([
      [first!.id, 'open', original.id],
    ]);
  });

  it('refuses an empty or repeated selection before doing anything', async () => {
    await expect(sam.queue.bulk({ action: { kind: 'claim' }, items: [] })).rejects.toThrow(
      /tick at least one/,
    );
    const [task] = await tasksOf(sam, 'streets', [await fileStreetlight(platform, spot, 'Twice ticked')]);
    const item = { taskId: task!.id, version: 0 };
    await expect(sam.queue.bulk({ action: { kind: 'claim' }, items: [item, item] })).rejects.toThrow(
      /each task may appear once/,
    );
    expect((await platform.app.db.task.findUniqueOrThrow({ where: { id: task!.id } })).status).toBe('open');
  });
});

describe('queue.markDuplicate', () => {
  it('links the request to an earlier one, tells both public timelines, and refuses bad numbers', async () => {
    const original = await filePothole(platform, spot, 'Original report');
    const repeat = await filePothole(platform, spot, 'Repeat report');
    const [task] = await tasksOf(sam, 'streets', [repeat]);
    expect(await sam.queue.markDuplicate({ taskId: task!.id, duplicateOf: original.id })).toEqual({
      service_request_id: repeat.id,
      duplicate_of: original.id,
      changed: true,
    });
    const tracked = await (await publicCaller(platform.app)).tracking.get({ service_request_id: repeat.id });
    expect(tracked.timeline.map((e) => e.summary)).toContain(
      `Marked as a duplicate of request ${original.id}`,
    );
    await expect(sam.queue.markDuplicate({ taskId: task!.id, duplicateOf: '999999999999' })).rejects.toThrow(
      /^duplicateOf: There is no request 999999999999/,
    );
    await expect(sam.queue.markDuplicate({ taskId: task!.id, duplicateOf: 'abc' })).rejects.toThrow(
      /duplicateOf: give the number of the earlier request/,
    );
    await expect(
      pat.queue.markDuplicate({ taskId: task!.id, duplicateOf: original.id }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('internal notes', () => {
  it('are kept for staff of the department and never reach Open311, tracking or the resident', async () => {
    const filed = await fileStreetlight(platform, spot, 'Light out by the library');
    const [task] = await tasksOf(sam, 'streets', [filed]);
    const secret = 'INTERNAL: resident is the councillor’s neighbour, call before visiting';
    const note = await sam.queue.addNote({ taskId: task!.id, text: `  ${secret}  ` });
    expect(note.text).toBe(secret);
    expect(await sky.queue.notes({ taskId: task!.id })).toEqual([
      { id: note.id, at: note.at, text: secret, author: 'Sam Streets' },
    ]);
    await expect(pat.queue.notes({ taskId: task!.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(pat.queue.addNote({ taskId: task!.id, text: 'x' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(sam.queue.addNote({ taskId: task!.id, text: '   ' })).rejects.toThrow(
      /text: write the note first/,
    );
    const audit = await platform.app.db.auditLog.findFirstOrThrow({
      where: { action: 'request.internal_note', subjectId: filed.id },
    });
    expect(audit).toMatchObject({ actorType: 'staff', actorId: ids.sam });

    const row = await platform.app.db.serviceRequest.findUniqueOrThrow({ where: { id: BigInt(filed.id) } });
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const open311 = [
      `/open311/v2/requests/${filed.id}.json`,
      `/open311/v2/requests/${filed.id}.xml`,
      `/open311/v2/requests/${filed.id}.json?extensions=true`,
      `/open311/v2/requests.json?service_request_id=${filed.id}&extensions=true`,
      `/open311/v2/requests.xml?extensions=true`,
      `/open311/v2/servicerequestupdates.json?start_date=${since}`,
      `/open311/v2/servicerequestupdates.xml?start_date=${since}`,
    ];
    for (const path of open311) {
      const response = await fetch(`${platform.baseUrl}${path}`);
      expect(response.status, path).toBe(200);
      const body = await response.text();
      expect(body, path).not.toContain('INTERNAL');
      expect(body, path).not.toContain('councillor');
    }
    const resident = await publicCaller(platform.app);
    const withToken = await resident.tracking.get({ service_request_id: filed.id, token: row.token });
    const anonymous = await resident.tracking.get({ service_request_id: filed.id });
    for (const view of [withToken, anonymous]) {
      expect(JSON.stringify(view)).not.toContain('councillor');
      expect(view.timeline.map((e) => e.kind)).not.toContain('internal_note');
    }
    // The note is there, as a non-public timeline event: the views above left it out on purpose.
    const stored = await platform.app.db.timelineEvent.findMany({ where: { requestId: row.id } });
    expect(stored.filter((e) => e.kind === 'internal_note').map((e) => [e.public, e.description])).toEqual([
      [false, secret],
    ]);
  });
});
