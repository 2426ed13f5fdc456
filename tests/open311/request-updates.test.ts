/**
 * Extension conformance — mySociety's update exchange, `GET /servicerequestupdates.{fmt}`: every
 * public status change and closure with its extended status, as FixMyStreet reads it
 * (`<service_requests_updates><request_update>`), within start_date/end_date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prismaRequestStore } from '@civicdesk/api';
import { startPlatform, type Platform } from '../support/platform.js';
import { errorDescriptions, get, getBoth, ISO_WITH_ZONE } from './open311-client.js';
import { daysAgo, seedRequest } from './seed-requests.js';

let platform: Platform;
let requestId = '';
let otherId = '';
beforeAll(async () => {
  platform = await startPlatform('o311upd');
  await platform.stopWorker();
  const db = platform.app.db;
  requestId = await seedRequest(db, { requestedAt: daysAgo(3) });
  otherId = await seedRequest(db, { requestedAt: daysAgo(3) });
  // The workflow's own store adapter writes the status changes, as a running workflow would.
  const store = prismaRequestStore(db);
  const keyed = (id: string, key: string) => ({ requestId: id, workflowId: `request-${id}`, key });
  await store.setStatus({ ...keyed(requestId, 'upd-1'), status: 'investigating', note: null });
  await store.setStatus({
    ...keyed(requestId, 'upd-2'),
    status: 'action_scheduled',
    note: 'Crew booked for Tuesday',
  });
  await store.closeRequest({
    ...keyed(otherId, 'upd-3'),
    status: 'fixed',
    resolution: 'fixed',
    message: 'Filled',
  });
  await store.appendTimeline({
    ...keyed(requestId, 'upd-4'),
    kind: 'note',
    node: null,
    summary: 'internal',
    description: null,
    public: false,
    actor: { type: 'system' },
    data: {},
  });
});
afterAll(async () => platform?.stop());

interface Update {
  update_id: string;
  service_request_id: string;
  status: string;
  updated_datetime: string;
  description: string;
  media_url: string;
}

describe('GET /servicerequestupdates', () => {
  it('lists status changes and closures, oldest first, with extended statuses, in JSON and XML', async () => {
    const { status, body } = await getBoth<Update[]>(
      platform,
      '/servicerequestupdates',
      'service_requests_updates',
    );
    expect(status).toBe(200);
    expect(body.map((u) => [u.service_request_id, u.status])).toEqual([
      [requestId, 'investigating'],
      [requestId, 'action_scheduled'],
      [otherId, 'fixed'],
    ]);
    for (const update of body) {
      expect(Object.keys(update).sort()).toEqual(
        ['description', 'media_url', 'service_request_id', 'status', 'update_id', 'updated_datetime'].sort(),
      );
      expect(update.update_id).toMatch(/^\d+$/);
      expect(update.updated_datetime).toMatch(ISO_WITH_ZONE);
    }
    expect(body[1]!.description).toBe('Crew booked for Tuesday');
  });

  it('filters by start_date and end_date, with the 90-day limit', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const { body } = await getBoth<Update[]>(
      platform,
      `/servicerequestupdates?start_date=${future}`,
      'service_requests_updates',
    );
    expect(body).toEqual([]);
    const tooLong = await get(
      platform,
      `/servicerequestupdates.json?start_date=${daysAgo(100).toISOString()}&end_date=${new Date().toISOString()}`,
    );
    expect(tooLong.status).toBe(400);
    expect(errorDescriptions(400, tooLong.text)[0]).toMatch(/^end_date: .*90 days/);
    const bad = await get(platform, '/servicerequestupdates.xml?start_date=last-week');
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/<errors><error><code>400<\/code><description>start_date: /);
  });
});
