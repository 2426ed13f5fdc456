/**
 * The resident's side of a running request: a question is answered publicly and the answer queued
 * for them; a reply is recorded on the public timeline; a closed pothole reopened with the tracking
 * token goes back to an inspector, as the workflow's `reopen:` says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, eventually, postForm, startPlatform, type Platform } from '../support/platform.js';
import { publicCaller, staffCaller } from '../support/staff.js';

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform('resident');
});
afterAll(async () => platform?.stop());

async function file(fields: [string, string][]) {
  const response = await postForm(platform.baseUrl, '/open311/v2/requests.json', [
    ['api_key', DEMO_API_KEY],
    ...fields,
  ]);
  expect(response.status).toBe(200);
  const id = ((await response.json()) as { service_request_id: string }[])[0]!.service_request_id;
  const { token } = await platform.app.db.serviceRequest.findUniqueOrThrow({ where: { id: BigInt(id) } });
  return { service_request_id: id, token };
}

const taskOf = async (department: string, email: string, id: string) => {
  const clerk = await staffCaller(platform.app, email);
  const task = await eventually(
    async () => (await clerk.queue.list({ department })).find((t) => t.service_request_id === id),
    `a task for request ${id} in ${department}`,
  );
  return { clerk, task };
};

describe('answers, replies and reopening', () => {
  it('publishes a 311 agent’s answer to the resident’s question and queues it for them', async () => {
    const question = await file([
      ['service_code', 'general-question'],
      ['address_id', 'SPR-00001'],
      ['email', 'asker@example.org'],
      ['attribute[topic]', 'parks'],
      ['attribute[question]', 'When does the pool open?'],
    ]);
    const { clerk, task } = await taskOf('info', 'ines@springfield.gov', question.service_request_id);
    expect(task.kind).toBe('answer');
    // Two business days by the city calendar: never on a weekend.
    expect([0, 6]).not.toContain(new Date(task.due_at!).getUTCDay());
    await clerk.queue.complete({ taskId: task.id, outcome: 'answered', notes: 'The pool opens on June 1.' });

    const tracked = await (await publicCaller(platform.app)).tracking.get(question);
    expect(tracked.request.status).toBe('closed');
    expect(tracked.timeline.map((e) => e.summary).join('\n')).toContain('The pool opens on June 1.');
    const queued = await platform.app.db.notification.findMany({
      where: { requestId: BigInt(question.service_request_id) },
    });
    expect(queued.map((n) => n.template)).toContain('request_answered');
  });

  it('records a resident reply on the public timeline', async () => {
    const light = await file([
      ['service_code', 'streetlight-out'],
      ['lat', '39.79'],
      ['long', '-89.65'],
      ['attribute[light_state]', 'flickering'],
    ]);
    await taskOf('streets', 'sam@springfield.gov', light.service_request_id);
    const resident = await publicCaller(platform.app);
    await expect(
      resident.resident.reply({ ...light, token: 'not-the-token', text: 'Hello' }),
    ).rejects.toThrow(/tracking token/);
    await resident.resident.reply({ ...light, text: 'It is the pole by the bus stop.' });
    const tracked = await resident.tracking.get(light);
    expect(tracked.timeline.map((e) => e.summary).join('\n')).toContain('It is the pole by the bus stop.');
  });

  it('reopens a closed pothole back to an inspector, and only with the token and once closed', async () => {
    const pothole = await file([
      ['service_code', 'pothole'],
      ['lat', '39.7805'],
      ['long', '-89.6512'],
      ['attribute[depth_cm]', '20'],
      ['attribute[location_type]', 'road'],
    ]);
    const resident = await publicCaller(platform.app);
    await expect(resident.resident.reopen({ ...pothole, reason: 'Still there' })).rejects.toThrow(
      /still open/,
    );
    const { clerk, task } = await taskOf('streets', 'sam@springfield.gov', pothole.service_request_id);
    await clerk.queue.complete({ taskId: task.id, outcome: 'repaired' });

    await resident.resident.reopen({ ...pothole, reason: 'The patch washed out in the rain.' });
    const again = await eventually(
      async () =>
        (await clerk.queue.list({ department: 'streets' })).find(
          (t) => t.service_request_id === pothole.service_request_id && t.title === 'Inspect the site',
        ),
      'the inspection task of the reopened request',
    );
    expect(again.status).toBe('open');
    const row = await platform.app.db.serviceRequest.findUniqueOrThrow({
      where: { id: BigInt(pothole.service_request_id) },
    });
    expect(row.status).toBe('open');

    // Staff reopen too: Parks may not reopen a Streets request; Streets may, once it is closed again.
    await clerk.queue.complete({ taskId: again.id, outcome: 'not_found' });
    const pat = await staffCaller(platform.app, 'pat@springfield.gov');
    await expect(
      pat.requests.reopen({ service_request_id: pothole.service_request_id, reason: 'x' }),
    ).rejects.toThrow(/your own department/);
    await clerk.requests.reopen({
      service_request_id: pothole.service_request_id,
      reason: 'Crew saw it again',
    });
    await eventually(
      async () =>
        (await clerk.queue.list({ department: 'streets' })).find(
          (t) =>
            t.service_request_id === pothole.service_request_id &&
            t.title === 'Inspect the site' &&
            t.id !== again.id,
        ),
      'the inspection task of the request reopened by staff',
    );
  });
});
