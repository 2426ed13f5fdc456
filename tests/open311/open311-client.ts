/**
 * A strict Open311 client for the conformance suite: every answer is checked against the general
 * rules (exact content type, XML declaration, well-formed XML without a namespace) before a test
 * sees it, and XML is parsed for real so element names and nesting can be compared with the JSON.
 */
import { createHash } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';
import type { AppContext } from '@civicdesk/api';

type PrismaClient = AppContext['db'];
import type { Platform } from '../support/platform.js';

export const BASE = '/open311/v2';
export const JSON_TYPE = 'application/json; charset=utf-8';
export const XML_TYPE = 'text/xml; charset=utf-8';
export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/** Open311 list elements and the element each of their items uses (the spec's XML shapes). */
export const LIST_ITEMS: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  notes: 'note',
  photos: 'photo',
  service_requests_updates: 'request_update',
};

const parser = new XMLParser({
  parseTagValue: false,
  ignoreAttributes: false,
  trimValues: false,
  isArray: (name, jpath) => {
    const parent = String(jpath).split('.').slice(-2, -1)[0];
    return parent !== undefined && LIST_ITEMS[parent] === name;
  },
});

export interface Open311Answer {
  status: number;
  contentType: string | null;
  text: string;
  headers: Headers;
}

/** Parses an Open311 XML body after checking the declaration, well-formedness and no namespace. */
export function parseOpen311Xml(text: string): Record<string, unknown> {
  expect(text.startsWith(`${XML_DECLARATION}\n`) || text.startsWith(XML_DECLARATION)).toBe(true);
  expect(XMLValidator.validate(text)).toBe(true);
  expect(text).not.toMatch(/xmlns/);
  const { '?xml': _declaration, ...document } = parser.parse(text) as Record<string, unknown>;
  return document;
}

/** What the XML parser reads for a JSON value: every scalar a string, lists as repeated items. */
export function asXmlReads(value: unknown, listName?: string): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    if (value.length === 0) return '';
    const item = LIST_ITEMS[listName ?? ''] ?? 'item';
    return { [item]: value.map((v) => asXmlReads(v, item)) };
  }
  if (typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asXmlReads(v, k)]));
  return String(value);
}

/** GETs a path (relative to /open311/v2). */
export async function get(platform: Platform, path: string, init?: RequestInit): Promise<Open311Answer> {
  const response = await fetch(`${platform.baseUrl}${BASE}${path}`, init);
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    text: await response.text(),
    headers: response.headers,
  };
}

/** GETs a `.json` path, checks the content type and parses it. */
export async function getJson<T = unknown>(platform: Platform, path: string) {
  const answer = await get(platform, path);
  expect(answer.contentType).toBe(JSON_TYPE);
  return { status: answer.status, body: JSON.parse(answer.text) as T, headers: answer.headers };
}

/** GETs a `.xml` path, checks the content type and the XML rules, and parses it. */
export async function getXml(platform: Platform, path: string) {
  const answer = await get(platform, path);
  expect(answer.contentType).toBe(XML_TYPE);
  return { status: answer.status, document: parseOpen311Xml(answer.text), headers: answer.headers };
}

/**
 * Fetches the same resource as JSON and as XML and checks they say the same thing: the XML is the
 * JSON with the wrapper `root` element around it and repeated item elements for lists.
 */
export async function getBoth<T = unknown>(platform: Platform, path: string, root: string) {
  const sep = path.includes('?') ? path.indexOf('?') : path.length;
  const json = await getJson<T>(platform, `${path.slice(0, sep)}.json${path.slice(sep)}`);
  const xml = await getXml(platform, `${path.slice(0, sep)}.xml${path.slice(sep)}`);
  expect(xml.status).toBe(json.status);
  expect(Object.keys(xml.document)).toEqual([root]);
  expect(xml.document[root]).toEqual(asXmlReads(json.body, root));
  return json;
}

/** POSTs a form (relative to /open311/v2) with an exact content type. */
export async function postRaw(platform: Platform, path: string, body: string, contentType: string) {
  const response = await fetch(`${platform.baseUrl}${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    text: await response.text(),
    headers: response.headers,
  };
}

/** The error descriptions of an Open311 JSON error body, after checking its shape and codes. */
export function errorDescriptions(status: number, text: string): string[] {
  const errors = JSON.parse(text) as { code: number; description: string }[];
  expect(Array.isArray(errors)).toBe(true);
  expect(errors.length).toBeGreaterThan(0);
  for (const error of errors) {
    expect(error.code).toBe(status);
    expect(typeof error.description).toBe('string');
  }
  return errors.map((e) => e.description);
}

/** Adds an api_key for a jurisdiction straight into the store (as the admin screen would). */
export async function addApiKey(db: PrismaClient, jurisdictionId: string, key: string) {
  await db.apiKey.create({
    data: {
      jurisdictionId,
      name: `test ${key.slice(0, 8)}`,
      keyHash: createHash('sha256').update(key).digest('hex'),
      prefix: key.slice(0, 8),
    },
  });
}

/** Every row a submission can leave behind, to prove that refused ones leave none. */
export async function rowCounts(db: PrismaClient) {
  return {
    requests: await db.serviceRequest.count(),
    timeline: await db.timelineEvent.count(),
    outbox: await db.outboxMessage.count(),
    tasks: await db.task.count(),
    apiKeys: await db.apiKey.count(),
  };
}

/** ISO 8601 with a zone, as Open311 requires of every datetime. */
export const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
