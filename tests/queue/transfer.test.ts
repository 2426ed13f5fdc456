/**
 * A clerk moves a waiting task to another department: the run and the queue agree, the task
 * arrives unclaimed, and the other department completes it. Bad targets and stale versions are
 * refused with messages naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, eventually, postForm, startPlatform, type Platform } from '../support/platform.js';
import { staffCaller } from '../support/staff.js';

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform('transfer');
});
afterAll(async () => platform?.stop());

describe('queue.transfer', () => {
  it('moves an urgent repair from Streets to the Parks crew through the workflow', async () => {
    const posted = await postForm(platform.baseUrl, '/open311/v2/requests.json', [
      ['api_key', DEMO_API_KEY],
      ['service_code', 'pothole'],
      ['lat', '39.7951'],
      ['long', '-89.6402'],
      ['attribute[depth_cm]', '18'],
      ['attribute[location_type]', 'road'],
    ]);
    const id = ((await posted.json()) as { service_request_id: string }[])[0]!.service_request_id;
    const sam = await staffCaller(platform.app, 'sam@springfield.gov');
    const task = await eventually(
      async () => (await sam.queue.list({ department: 'streets' })).find((t) => t.service_request_id === id),
      'the urgent repair in the streets queue',
    );
    const claimed = await sam.queue.claim({ taskId: task.id, version: task.version });

    await expect(
      sam.queue.transfer({ taskId: task.id, version: claimed.version, department: 'harbour' }),
    ).rejects.toThrow(/^department: there is no department 'harbour'/);
    await expect(
      sam.queue.transfer({ taskId: task.id, version: claimed.version, department: 'parks', role: 'pilot' }),
    ).rejects.toThrow(/^role: Parks and Recreation has no role 'pilot'; choose one of ranger, crew/);
    await expect(
      sam.queue.transfer({ taskId: task.id, version: task.version, department: 'parks' }),
    ).rejects.toThrow(/refresh your queue/);

    await sam.queue.transfer({
      taskId: task.id,
      version: claimed.version,
      department: 'parks',
      role: 'crew',
      note: 'Inside the park gates',
    });
    const pat = await staffCaller(platform.app, 'pat@springfield.gov');
    const moved = (await pat.queue.list({ department: 'parks' })).find((t) => t.id === task.id);
    expect(moved).toMatchObject({ status: 'open', role: 'crew', assignee_id: null });
    expect((await sam.queue.list({ department: 'streets' })).some((t) => t.id === task.id)).toBe(false);
    const request = await platform.app.db.serviceRequest.findUniqueOrThrow({
      where: { id: BigInt(id) },
      include: { department: true, timeline: true },
    });
    expect(request.department.code).toBe('parks');
    expect(request.timeline.filter((e) => e.kind === 'task_transferred')).toHaveLength(1);

    const done = await pat.queue.complete({ taskId: task.id, outcome: 'repaired' });
    expect(done).toMatchObject({ closed: true, status: 'fixed' });
  });
});
