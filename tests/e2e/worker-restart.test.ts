/**
 * Durability: the worker goes away after the task is created and a new worker takes over. The task
 * completes, the request closes, and nothing is lost or written twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, eventually, postForm, startPlatform, type Platform } from '../support/platform.js';
import { staffCaller } from '../support/staff.js';

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform('durability');
});
afterAll(async () => platform?.stop());

describe('a worker restart mid-request', () => {
  it('loses nothing: the new worker carries the run to its end', async () => {
    const { app, baseUrl } = platform;
    const posted = await postForm(baseUrl, '/open311/v2/requests.json', [
      ['api_key', DEMO_API_KEY],
      ['service_code', 'pothole'],
      ['lat', '39.78'],
      ['long', '-89.65'],
      ['attribute[depth_cm]', '15'],
      ['attribute[location_type]', 'road'],
    ]);
    expect(posted.status).toBe(200);
    const id = ((await posted.json()) as { service_request_id: string }[])[0]!.service_request_id;

    const sam = await staffCaller(app, 'sam@springfield.gov');
    const task = await eventually(
      async () => (await sam.queue.list({ department: 'streets' })).find((t) => t.service_request_id === id),
      'the urgent repair task',
    );
    expect(task.title).toBe('Urgent repair');

    await platform.stopWorker();
    expect(platform.worker).toBeNull();
    await platform.startWorker();

    const done = await sam.queue.complete({ taskId: task.id, outcome: 'repaired' });
    expect(done.closed).toBe(true);

    const request = await app.db.serviceRequest.findUniqueOrThrow({
      where: { id: BigInt(id) },
      include: { tasks: true, timeline: true },
    });
    expect(request.status).toBe('closed');
    expect(request.extendedStatus).toBe('fixed');
    expect(request.tasks).toHaveLength(1);
    expect(request.tasks[0]).toMatchObject({
      status: 'completed',
      outcome: 'repaired',
      completedBy: expect.stringMatching(/^staff:/),
    });
    const keys = request.timeline.map((e) => e.dedupeKey).filter(Boolean);
    expect(new Set(keys).size).toBe(keys.length);
    expect(request.timeline.filter((e) => e.kind === 'closed')).toHaveLength(1);
    const outbox = await app.db.outboxMessage.findMany();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.processedAt).not.toBeNull();
  });
});
