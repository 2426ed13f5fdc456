/**
 * GeoReport v2 conformance — `GET /requests.{fmt}` and `GET /requests/{id}.{fmt}`: every filter and
 * its limits (service_request_id overrides all, service_code and status lists, the 90-day window,
 * 1000 results), the request fields, and the extensions clients use (page/page_size,
 * updated_after/updated_before, lat/long/radius, bbox, extensions=true).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from '../support/platform.js';
import { errorDescriptions, get, getBoth, ISO_WITH_ZONE } from './open311-client.js';
import { CAPITOL, daysAgo, seedRequest, SPRINGFIELD } from './seed-requests.js';

let platform: Platform;
const now = new Date();
/** Seeded requests by role. */
const ids = { recent: '', closed: '', oldButUpdated: '', old: '' };
/** Two kilometres north of the Capitol. */
const NORTH = { lat: CAPITOL.lat + 0.018, long: CAPITOL.long };
/** A window 300 days back holding more than 1000 requests. */
const busyStart = daysAgo(301, now);

beforeAll(async () => {
  platform = await startPlatform('o311get');
  await platform.stopWorker();
  const db = platform.app.db;
  ids.recent = await seedRequest(db, { requestedAt: daysAgo(1, now), description: 'recent pothole' });
  ids.closed = await seedRequest(db, {
    serviceCode: 'graffiti',
    requestedAt: daysAgo(10, now),
    closedAt: daysAgo(5, now),
    ...NORTH,
  });
  ids.oldButUpdated = await seedRequest(db, {
    serviceCode: 'streetlight-out',
    requestedAt: daysAgo(100, now),
    updatedAt: daysAgo(2, now),
  });
  ids.old = await seedRequest(db, { requestedAt: daysAgo(200, now) });
  await db.serviceRequest.update({
    where: { id: BigInt(ids.recent) },
    data: { email: 'resident@example.org', phone: '217 555 0100', firstName: 'Jo', lastName: 'Doe' },
  });
  await db.timelineEvent.createMany({
    data: [
      { requestId: BigInt(ids.recent), at: now, kind: 'note', public: false, summary: 'internal: crew busy' },
      {
        requestId: BigInt(ids.recent),
        at: now,
        kind: 'status_changed',
        public: true,
        summary: 'Crew scheduled',
      },
    ],
  });
  const service = await db.service.findFirstOrThrow({
    where: { jurisdictionId: SPRINGFIELD, code: 'pothole' },
  });
  await db.serviceRequest.createMany({
    data: Array.from({ length: 1005 }, (_, i) => ({
      jurisdictionId: SPRINGFIELD,
      serviceId: service.id,
      departmentId: service.departmentId,
      channel: 'import',
      address: `${i} Busy St`,
      requestedAt: new Date(busyStart.getTime() + i * 60_000),
      updatedAt: new Date(busyStart.getTime() + i * 60_000),
    })),
  });
});
afterAll(async () => platform?.stop());

type Request = Record<string, unknown> & { service_request_id: string };
const listIds = async (query: string) => {
  const { status, body } = await getBoth<Request[]>(platform, `/requests${query}`, 'service_requests');
  expect(status).toBe(200);
  return body.map((r) => r.service_request_id);
};
const errorsOf = async (query: string) => {
  const answer = await get(platform, `/requests.json${query}`);
  return {
    status: answer.status,
    errors: answer.status >= 400 ? errorDescriptions(answer.status, answer.text) : [],
  };
};
const iso = (d: Date) => d.toISOString();

describe('GET /requests — fields', () => {
  it('renders every spec field, ids as strings, datetimes with a zone, and no personal data', async () => {
    const { body } = await getBoth<Request[]>(
      platform,
      `/requests?service_request_id=${ids.closed},${ids.recent}`,
      'service_requests',
    );
    const fields = [
      'service_request_id',
      'status',
      'status_notes',
      'service_name',
      'service_code',
      'description',
      'agency_responsible',
      'service_notice',
      'requested_datetime',
      'updated_datetime',
      'expected_datetime',
      'address',
      'address_id',
      'zipcode',
      'lat',
      'long',
      'media_url',
    ];
    for (const request of body) {
      expect(Object.keys(request).sort()).toEqual([...fields].sort());
      expect(typeof request.service_request_id).toBe('string');
      expect(request.requested_datetime).toMatch(ISO_WITH_ZONE);
      expect(request.updated_datetime).toMatch(ISO_WITH_ZONE);
    }
    const text = JSON.stringify(body);
    for (const secret of ['resident@example.org', '555 0100', 'Doe']) expect(text).not.toContain(secret);
    const closed = body.find((r) => r.service_request_id === ids.closed)!;
    expect(closed.status).toBe('closed');
    expect(closed.updated_datetime).toBe(iso(daysAgo(5, now)).replace(/\.\d{3}Z$/, 'Z'));
  });
});

describe('GET /requests — spec filters', () => {
  it('defaults to the last 90 days, newest first', async () => {
    expect(await listIds('')).toEqual([ids.recent, ids.closed]);
  });

  it('treats empty parameters as absent', async () => {
    expect(await listIds('?status=&service_code=&start_date=&end_date=&page=')).toEqual([
      ids.recent,
      ids.closed,
    ]);
  });

  it('lets service_request_id (comma list) override every other filter', async () => {
    const query = `?service_request_id=${ids.old},${ids.oldButUpdated}&status=closed&service_code=graffiti`;
    expect((await listIds(query)).sort()).toEqual([ids.old, ids.oldButUpdated].sort());
    expect((await errorsOf('?service_request_id=12,abc')).errors[0]).toMatch(/^service_request_id: 'abc'/);
  });

  it('filters by service_code as a comma list or repeated parameter', async () => {
    expect(await listIds('?service_code=graffiti')).toEqual([ids.closed]);
    expect(await listIds('?service_code=graffiti,pothole')).toEqual([ids.recent, ids.closed]);
    expect(await listIds('?service_code=graffiti&service_code=pothole')).toEqual([ids.recent, ids.closed]);
  });

  it('filters by status, open, closed or both', async () => {
    expect(await listIds('?status=closed')).toEqual([ids.closed]);
    expect(await listIds('?status=open')).toEqual([ids.recent]);
    expect(await listIds('?status=open,closed')).toEqual([ids.recent, ids.closed]);
    expect((await errorsOf('?status=pending')).errors[0]).toMatch(/^status: 'pending'.*open, closed/);
  });

  it('filters requested_datetime by start_date and end_date, with any zone', async () => {
    const start = iso(daysAgo(150, now));
    const end = iso(daysAgo(90, now));
    expect(await listIds(`?start_date=${start}&end_date=${end}`)).toEqual([ids.oldButUpdated]);
    const chicago = daysAgo(250, now)
      .toISOString()
      .replace(/\.\d{3}Z$/, '-06:00');
    expect(await listIds(`?start_date=${encodeURIComponent(chicago)}&service_code=pothole`)).toContain(
      ids.old,
    );
  });

  it('refuses a range over 90 days, reversed dates, and dates without a zone, naming each parameter', async () => {
    const over = await errorsOf(`?start_date=${iso(daysAgo(100, now))}&end_date=${iso(now)}`);
    expect(over.status).toBe(400);
    expect(over.errors[0]).toMatch(/^end_date: .*90 days/);
    expect((await errorsOf(`?start_date=${iso(now)}&end_date=${iso(daysAgo(1, now))}`)).errors[0]).toMatch(
      /^end_date: .*before start_date/,
    );
    expect((await errorsOf('?start_date=2026-01-01')).errors[0]).toMatch(
      /^start_date: .*zone.*2026-03-01T00:00:00Z/,
    );
  });

  it('answers at most 1000 requests', async () => {
    const query = `?start_date=${iso(busyStart)}&end_date=${iso(daysAgo(280, now))}`;
    expect(await listIds(query)).toHaveLength(1000);
  });

  it('reports several errors together, each naming its parameter', async () => {
    const { status, errors } = await errorsOf('?start_date=yesterday&status=pending&page_size=0&bbox=1,2');
    expect(status).toBe(400);
    expect(errors.map((e) => e.split(':')[0]).sort()).toEqual(['bbox', 'page_size', 'start_date', 'status']);
  });

  it('refuses a scalar parameter sent twice with different values', async () => {
    expect(
      (await errorsOf('?start_date=2026-01-01T00:00:00Z&start_date=2026-02-01T00:00:00Z')).errors[0],
    ).toMatch(/^start_date: sent 2 times/);
  });
});

describe('GET /requests — extensions', () => {
  const busy = `start_date=${iso(busyStart)}&end_date=${iso(daysAgo(280, now))}`;

  it('paginates only when page or page_size is sent: 50 by default, up to 500', async () => {
    expect(await listIds(`?${busy}&page=1`)).toHaveLength(50);
    const first = await listIds(`?${busy}&page_size=3`);
    const second = await listIds(`?${busy}&page_size=3&page=2`);
    expect(first).toHaveLength(3);
    expect(second).toHaveLength(3);
    expect(first.filter((id) => second.includes(id))).toEqual([]);
    expect(await listIds(`?${busy}&page_size=500&page=3`)).toHaveLength(5);
    expect((await errorsOf('?page_size=501')).errors[0]).toMatch(/^page_size: .*1 to 500/);
    expect((await errorsOf('?page=0')).errors[0]).toMatch(/^page: /);
    expect((await errorsOf('?page=two')).errors[0]).toMatch(/^page: /);
  });

  it('filters by updated_after / updated_before on updated_datetime (close time once closed)', async () => {
    expect((await listIds(`?updated_after=${iso(daysAgo(3, now))}`)).sort()).toEqual(
      [ids.recent, ids.oldButUpdated].sort(),
    );
    expect(
      await listIds(`?updated_after=${iso(daysAgo(6, now))}&updated_before=${iso(daysAgo(4, now))}`),
    ).toEqual([ids.closed]);
    expect(
      (await errorsOf(`?updated_after=${iso(now)}&updated_before=${iso(daysAgo(1, now))}`)).errors[0],
    ).toMatch(/^updated_before: /);
  });

  it('filters by lat/long/radius in metres (500 m by default) and by bbox', async () => {
    const at = `lat=${CAPITOL.lat}&long=${CAPITOL.long}`;
    expect(await listIds(`?${at}`)).toEqual([ids.recent]);
    expect(await listIds(`?${at}&radius=1500`)).toEqual([ids.recent]);
    expect(await listIds(`?${at}&radius=2500`)).toEqual([ids.recent, ids.closed]);
    const box = [NORTH.long - 0.01, NORTH.lat - 0.01, NORTH.long + 0.01, NORTH.lat + 0.01].join(',');
    expect(await listIds(`?bbox=${box}`)).toEqual([ids.closed]);
    expect((await errorsOf('?radius=100')).errors[0]).toMatch(/^lat: send lat and long together/);
    expect((await errorsOf(`?${at}&radius=-5`)).errors[0]).toMatch(/^radius: /);
    expect((await errorsOf('?lat=91&long=0')).errors[0]).toMatch(/^lat: /);
    expect((await errorsOf('?bbox=-89,39,-90,40')).errors[0]).toMatch(/^bbox: .*minLng,minLat,maxLng,maxLat/);
  });

  it('adds extended_attributes and the PUBLIC timeline as notes with extensions=true', async () => {
    const { body } = await getBoth<
      (Request & { extended_attributes: Record<string, unknown>; notes: Record<string, unknown>[] })[]
    >(platform, `/requests?service_request_id=${ids.recent}&extensions=true`, 'service_requests');
    const [request] = body;
    expect(request!.extended_attributes).toEqual({
      channel: 'import',
      duplicate: null,
      parent_service_request_id: null,
      x: CAPITOL.long,
      y: CAPITOL.lat,
      spatial_reference: 'EPSG:4326',
      photos: [],
    });
    expect(request!.notes.map((n) => [n.type, n.summary])).toEqual([
      ['opened', 'Request received'],
      ['activity', 'Crew scheduled'],
    ]);
    for (const note of request!.notes) expect(note.datetime).toMatch(ISO_WITH_ZONE);
    const plain = await getBoth<Request[]>(
      platform,
      `/requests?service_request_id=${ids.recent}`,
      'service_requests',
    );
    expect(plain.body[0]).not.toHaveProperty('notes');
    expect((await errorsOf('?extensions=yes')).errors[0]).toMatch(/^extensions: /);
  });
});

describe('GET /requests/{id}', () => {
  it('answers a list of one request, with extensions when asked', async () => {
    const { status, body } = await getBoth<Request[]>(platform, `/requests/${ids.old}`, 'service_requests');
    expect(status).toBe(200);
    expect(body.map((r) => r.service_request_id)).toEqual([ids.old]);
    await platform.app.db.serviceRequest.update({
      where: { id: BigInt(ids.old) },
      data: { duplicateOfId: BigInt(ids.recent) },
    });
    const extended = await getBoth<(Request & { extended_attributes: Record<string, unknown> })[]>(
      platform,
      `/requests/${ids.old}?extensions=true`,
      'service_requests',
    );
    expect(extended.body[0]).toHaveProperty('notes');
    expect(extended.body[0]!.extended_attributes).toMatchObject({
      duplicate: ids.recent,
      parent_service_request_id: ids.recent,
    });
  });

  it('answers 404 for an unknown or malformed id, naming service_request_id', async () => {
    for (const id of ['999999999', 'abc', '1.5', '99999999999999999999999']) {
      const { status, body } = await getBoth<{ description: string }[]>(
        platform,
        `/requests/${id}`,
        'errors',
      );
      expect(status).toBe(404);
      expect(body[0]!.description).toMatch(/^service_request_id: /);
    }
  });
});
