/**
 * Fuzz: thousands of malformed and hostile requests to every Open311 endpoint (see
 * hostile-requests.ts). Every one must get a 4xx with an Open311 error body whose description says
 * what is wrong (never a 5xx, never a crash), and the database must hold nothing from any of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from '../support/platform.js';
import { addApiKey, parseOpen311Xml, rowCounts } from '../open311/open311-client.js';
import { hostileRequests, type HostileRequest } from './hostile-requests.js';

const COUNT = 3000;
const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const PARALLEL = 8;

let platform: Platform;
const keys = Array.from({ length: 60 }, (_, i) => `fuzz-key-${i}-0123456789abcdef`);
beforeAll(async () => {
  platform = await startPlatform('o311fuzz');
  await platform.stopWorker();
  for (const key of keys) await addApiKey(platform.app.db, 'springfield.gov', key);
});
afterAll(async () => platform?.stop());

interface Outcome {
  request: HostileRequest;
  status: number;
  contentType: string | null;
  text: string;
}

async function send(request: HostileRequest): Promise<Outcome> {
  const response = await fetch(`${platform.baseUrl}${request.path}`, {
    method: request.method,
    headers: request.headers,
    ...(request.body ? { body: new Uint8Array(request.body) } : {}),
  });
  return {
    request,
    status: response.status,
    contentType: response.headers.get('content-type'),
    text: await response.text(),
  };
}

/** The reasons an answer is not a clear Open311 4xx refusal; empty when it is one. */
function problems(outcome: Outcome): string[] {
  const { status, contentType, text, request } = outcome;
  const found: string[] = [];
  if (status < 400 || status >= 500) found.push(`status ${status}`);
  if (request.method === 'HEAD') return found;
  try {
    const descriptions =
      contentType === 'text/xml; charset=utf-8'
        ? (
            parseOpen311Xml(text) as { errors: { error: { code: string; description: string }[] } }
          ).errors.error.map((e) => (e.code === String(status) ? e.description : `code ${e.code}`))
        : (JSON.parse(text) as { code: number; description: string }[]).map((e) =>
            e.code === status ? e.description : `code ${e.code}`,
          );
    if (descriptions.length === 0) found.push('no error listed');
    for (const d of descriptions)
      if (typeof d !== 'string' || d.length < 15 || /^code /.test(d)) found.push(`unclear error: ${d}`);
  } catch (error) {
    found.push(
      `not an Open311 error body (${contentType}): ${String(error).slice(0, 100)} ${text.slice(0, 100)}`,
    );
  }
  return found;
}

describe('Open311 fuzz', () => {
  it(`answers ${COUNT} hostile requests with clear 4xx errors and stores nothing (seed ${SEED})`, async () => {
    const db = platform.app.db;
    const before = {
      ...(await rowCounts(db)),
      services: await db.service.count(),
      jurisdictions: await db.jurisdiction.count(),
    };
    const requests = hostileRequests(COUNT, SEED, { keys });
    for (const r of requests) expect(new URL(r.path, platform.baseUrl).pathname).toMatch(/^\/open311\/v2\//);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    /** POSTs refused by intake validation itself (past format, form, jurisdiction and key). */
    let reachedIntake = 0;
    const started = Date.now();
    for (let i = 0; i < requests.length; i += PARALLEL) {
      const outcomes = await Promise.all(requests.slice(i, i + PARALLEL).map(send));
      for (const outcome of outcomes) {
        statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
        if (
          outcome.request.method === 'POST' &&
          /("description":"|<description>)(attribute\[|lat|long|description|email|media_url|location|service_code: There)/.test(
            outcome.text,
          )
        )
          reachedIntake++;
        const found = problems(outcome);
        if (found.length)
          failures.push(
            `${outcome.request.label} ${outcome.request.path.slice(0, 200)} → ${found.join('; ')}`,
          );
      }
    }
    const elapsed = Date.now() - started;
    console.log(
      `fuzz: ${COUNT} requests in ${elapsed} ms; statuses ${JSON.stringify(Object.fromEntries(statuses))}; ${reachedIntake} reached intake validation`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect({
      ...(await rowCounts(db)),
      services: await db.service.count(),
      jurisdictions: await db.jurisdiction.count(),
    }).toEqual(before);
    // The fuzz must reach deep validation, not stop at the door.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(COUNT / 6);
    expect(reachedIntake).toBeGreaterThan(COUNT / 10);
    expect(statuses.get(404) ?? 0).toBeGreaterThan(COUNT / 20);
    expect(statuses.get(403) ?? 0).toBeGreaterThan(COUNT / 50);
  }, 120_000);
});
