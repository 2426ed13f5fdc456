/**
 * One real request through every part: Open311 POST → outbox → Temporal run routed on an attribute →
 * task in the right department's queue → completed through the API → request closed → Open311 GET
 * and stats agree. The pure core, given the same facts and outcome, predicts the same path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFacts } from '@civicdesk/engine/rules';
import { simulatePath } from '@civicdesk/engine/simulate';
import { getRunState } from '@civicdesk/engine/temporal';
import type { WorkflowDefinition } from '@civicdesk/schemas';
import { DEMO_API_KEY, eventually, postForm, startPlatform, type Platform } from '../support/platform.js';
import { publicCaller, staffCaller } from '../support/staff.js';

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform('e2e');
});
afterAll(async () => platform?.stop());

const parkPathPothole: [string, string][] = [
  ['api_key', DEMO_API_KEY],
  ['service_code', 'pothole'],
  ['lat', '39.7990'],
  ['long', '-89.6440'],
  ['address_string', 'Washington Park, east path'],
  ['description', 'Deep hole on the path by the pond'],
  ['email', 'resident@example.org'],
  ['attribute[depth_cm]', '6'],
  ['attribute[location_type]', 'park_path'],
];

describe('a pothole on a park path, end to end', () => {
  it('is routed to Parks, completed from the queue, closed, and counted', async () => {
    const { app, baseUrl } = platform;
    const posted = await postForm(baseUrl, '/open311/v2/requests.json', parkPathPothole);
    expect(posted.status).toBe(200);
    expect(posted.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const [answer] = (await posted.json()) as { service_request_id: string; service_notice: string }[];
    const id = answer!.service_request_id;
    expect(id).toMatch(/^\d+$/);
    expect(answer!.service_notice).toBe('Most potholes are inspected within 3 working days.');

    // The decision routed on attribute[location_type] = park_path: the task lands in Parks' queue.
    const pat = await staffCaller(app, 'pat@springfield.gov');
    const task = await eventually(async () => {
      const tasks = await pat.queue.list({ department: 'parks' });
      return tasks.find((t) => t.service_request_id === id);
    }, 'the task in the parks queue');
    expect(task).toMatchObject({
      title: 'Repair the park path',
      role: 'crew',
      status: 'open',
      outcomes: ['repaired', 'not_found'],
    });
    const sam = await staffCaller(app, 'sam@springfield.gov');
    expect((await sam.queue.list({ department: 'streets' })).some((t) => t.service_request_id === id)).toBe(
      false,
    );
    await expect(sam.queue.list({ department: 'parks' })).rejects.toThrow(/your own department/);

    const open = (await (await fetch(`${baseUrl}/open311/v2/requests/${id}.json`)).json()) as Record<
      string,
      unknown
    >[];
    expect(open[0]).toMatchObject({
      service_request_id: id,
      status: 'open',
      agency_responsible: 'Parks and Recreation',
    });

    const done = await pat.queue.complete({
      taskId: task.id,
      outcome: 'repaired',
      notes: 'Filled with cold patch',
    });
    expect(done).toMatchObject({ closed: true, status: 'fixed' });

    const closedBody = (await (await fetch(`${baseUrl}/open311/v2/requests/${id}.json`)).json()) as Record<
      string,
      string
    >[];
    const closed = closedBody[0]!;
    expect(closed.status).toBe('closed');
    expect(closed.status_notes).toBe('The pothole has been repaired. Thank you for reporting it.');
    expect(closed.updated_datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(closed.updated_datetime!)).toBeGreaterThanOrEqual(
      Date.parse(closed.requested_datetime!),
    );
    expect(closed).not.toHaveProperty('email');

    const xml = await (await fetch(`${baseUrl}/open311/v2/requests/${id}.xml`)).text();
    expect(xml).toContain(
      `<service_requests><request><service_request_id>${id}</service_request_id><status>closed</status>`,
    );

    const row = await app.db.serviceRequest.findUniqueOrThrow({ where: { id: BigInt(id) } });
    const stats = await (await publicCaller(app)).stats.summary();
    expect(stats).toMatchObject({ opened: 1, closed: 1, open: 0 });
    const seconds = (row.closedAt!.getTime() - row.requestedAt.getTime()) / 1000;
    expect(stats.medianSecondsToClose).toBeCloseTo(seconds, 2);
    expect(stats.byService).toEqual([
      expect.objectContaining({ serviceCode: 'pothole', opened: 1, closed: 1 }),
    ]);

    // The pure core, with the same facts and outcome, takes the same path as the durable run.
    const run = await getRunState(platform.client, id);
    const version = await app.db.workflowVersion.findUniqueOrThrow({ where: { id: row.workflowVersionId! } });
    const predicted = await simulatePath(
      version.definition as WorkflowDefinition,
      buildFacts({
        service_code: 'pothole',
        attributes: row.attributes as Record<string, unknown>,
        description: row.description,
        channel: 'open311',
      }),
      { 'park-path-repair': 'repaired' },
    );
    expect(run.path).toEqual(['triage', 'park-path-repair', 'close-fixed']);
    expect(predicted.path).toEqual(run.path);

    const timeline = await (await publicCaller(app)).tracking.get({ service_request_id: id });
    expect(timeline.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['opened', 'closed']));
    expect(timeline.private).toBeNull();
  });
});
