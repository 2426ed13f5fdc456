import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestStore } from '@civicdesk/engine/temporal';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import { prismaRequestStore } from './prisma-request-store.js';

let db: TestDatabase;
let store: RequestStore;
let streets: string;
let parks: string;
const at = new Date('2026-12-04T15:00:00.000Z');

beforeAll(async () => {
  db = await createTestDatabase('workflow_store');
  const { prisma } = db;
  await prisma.jurisdiction.create({
    data: { id: 'springfield.gov', name: 'City of Springfield', timezone: 'America/Chicago' },
  });
  streets = (
    await prisma.department.create({
      data: { jurisdictionId: 'springfield.gov', code: 'streets', name: 'Streets' },
    })
  ).id;
  parks = (
    await prisma.department.create({
      data: { jurisdictionId: 'springfield.gov', code: 'parks', name: 'Parks and Recreation' },
    })
  ).id;
  await prisma.service.create({
    data: { jurisdictionId: 'springfield.gov', code: 'pothole', name: 'Pothole', departmentId: streets },
  });
  store = prismaRequestStore(prisma, () => at);
}, 120_000);
afterAll(() => db?.drop());

async function newRequest(): Promise<string> {
  const service = await db.prisma.service.findFirstOrThrow({ where: { code: 'pothole' } });
  const request = await db.prisma.serviceRequest.create({
    data: { jurisdictionId: 'springfield.gov', serviceId: service.id, channel: 'web', departmentId: streets },
  });
  return String(request.id);
}

const keyed = (requestId: string, seq: number) => ({
  key: `request-${requestId}:${seq}`,
  requestId,
  workflowId: `request-${requestId}`,
});

describe('prismaRequestStore: the engine port over the request tables', () => {
  it('queues a notification once per key', async () => {
    const requestId = await newRequest();
    const input = {
      ...keyed(requestId, 3),
      node: 'greet',
      template: 'request_received',
      channel: 'email' as const,
      data: { item: 'sofa' },
    };
    await store.queueNotification(input);
    await store.queueNotification(input);
    const rows = await db.prisma.notification.findMany({ where: { requestId: BigInt(requestId) } });
    expect(rows).toEqual([
      expect.objectContaining({
        template: 'request_received',
        channel: 'email',
        data: { item: 'sofa' },
        dedupeKey: `request-${requestId}:3`,
        sentAt: null,
        createdAt: at,
      }),
    ]);
  });

  it('transfers the request to another department with a public note, once', async () => {
    const requestId = await newRequest();
    const input = { ...keyed(requestId, 4), node: 'move', department: 'parks', note: null };
    await store.transferRequest(input);
    await store.transferRequest(input);
    const request = await db.prisma.serviceRequest.findUniqueOrThrow({
      where: { id: BigInt(requestId) },
      include: { timeline: true },
    });
    expect(request.departmentId).toBe(parks);
    expect(request.timeline).toEqual([
      expect.objectContaining({ kind: 'note', public: true, summary: 'Passed to Parks and Recreation' }),
    ]);
    await expect(
      store.transferRequest({ ...keyed(requestId, 5), node: 'move', department: 'water', note: null }),
    ).rejects.toThrow("Transfer 'move' names department 'water', which does not exist in springfield.gov.");
  });

  it('links a duplicate to an existing request, and refuses missing, self and cyclic links', async () => {
    const original = await newRequest();
    const requestId = await newRequest();
    const link = (duplicateOf: string, seq: number, of = requestId) =>
      store.linkDuplicate({ ...keyed(of, seq), node: 'link', duplicateOf });
    expect(await link(original, 6)).toEqual({ linked: true });
    expect(await link(original, 6)).toEqual({ linked: true });
    const row = await db.prisma.serviceRequest.findUniqueOrThrow({
      where: { id: BigInt(requestId) },
      include: { timeline: true },
    });
    expect(row.duplicateOfId).toBe(BigInt(original));
    expect(row.timeline).toEqual([
      expect.objectContaining({
        kind: 'duplicate',
        public: true,
        summary: `Duplicate of request ${original}`,
      }),
    ]);
    expect(await link('999999999999', 7)).toEqual({
      linked: false,
      reason: 'request 999999999999 does not exist',
    });
    expect(await link(requestId, 8)).toEqual({ linked: false, reason: 'a request cannot duplicate itself' });
    expect(await link('abc', 9)).toEqual({ linked: false, reason: "'abc' is not a request id" });
    expect(await link(requestId, 10, original)).toEqual({
      linked: false,
      reason: `request ${requestId} is itself a duplicate of this one`,
    });
  });

  it('publishes an answer as a public note and the status notes', async () => {
    const requestId = await newRequest();
    const input = {
      ...keyed(requestId, 11),
      node: 'answer',
      taskId: 't',
      text: 'Mondays.',
      by: 'staff:ines',
    };
    await store.publishAnswer(input);
    await store.publishAnswer(input);
    const row = await db.prisma.serviceRequest.findUniqueOrThrow({
      where: { id: BigInt(requestId) },
      include: { timeline: true },
    });
    expect(row.statusNotes).toBe('Mondays.');
    expect(row.timeline).toEqual([
      expect.objectContaining({ kind: 'note', public: true, summary: 'Mondays.', actor: 'staff:ines' }),
    ]);
  });

  it('stores the task form and deadline, sets expected_datetime, reassigns and cancels the task', async () => {
    const requestId = await newRequest();
    const form = [{ type: 'select' as const, name: 'day', options: ['monday'], required: true }];
    const { taskId } = await store.createTask({
      ...keyed(requestId, 12),
      key: `request-${requestId}:check:1`,
      node: 'check',
      visit: 1,
      title: 'Check',
      description: null,
      kind: 'answer',
      department: 'streets',
      role: null,
      sla: '3 business days',
      dueAt: '2026-12-09T15:00:00.000Z',
      outcomes: ['done'],
      form,
    });
    const task = await db.prisma.task.findUniqueOrThrow({ where: { id: taskId } });
    expect(task.form).toEqual(form);
    expect(task.dueAt).toEqual(new Date('2026-12-09T15:00:00.000Z'));
    const request = await db.prisma.serviceRequest.findUniqueOrThrow({ where: { id: BigInt(requestId) } });
    expect(request.expectedAt).toEqual(new Date('2026-12-09T15:00:00.000Z'));

    await store.reassignTask({
      ...keyed(requestId, 13),
      node: 'check',
      taskId,
      department: 'parks',
      role: 'supervisor',
    });
    const moved = await db.prisma.task.findUniqueOrThrow({ where: { id: taskId } });
    expect([moved.departmentId, moved.role]).toEqual([parks, 'supervisor']);
    await store.cancelTask({ ...keyed(requestId, 14), node: 'check', taskId });
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).status).toBe('cancelled');
  });

  it('reopens a closed request once per key, clearing its closing', async () => {
    const requestId = await newRequest();
    await store.closeRequest({
      ...keyed(requestId, 20),
      status: 'fixed',
      resolution: 'fixed',
      message: null,
    });
    const input = {
      key: `request-${requestId}-r1:1`,
      requestId,
      workflowId: `request-${requestId}-r1`,
      node: 'inspect',
      reason: 'Still there',
      by: 'resident',
    };
    await store.reopenRequest(input);
    await store.reopenRequest(input);
    const row = await db.prisma.serviceRequest.findUniqueOrThrow({
      where: { id: BigInt(requestId) },
      include: { timeline: { orderBy: { id: 'asc' } } },
    });
    expect([row.status, row.extendedStatus, row.closedAt, row.resolution]).toEqual([
      'open',
      'reopen',
      null,
      null,
    ]);
    expect(row.timeline.map((e) => [e.kind, e.summary, e.actor])).toEqual([
      ['closed', 'Closed: fixed', 'workflow'],
      ['reopened', 'Reopened: Still there', 'resident'],
    ]);
  });
});
