/**
 * `POST /requests.{fmt}`: reads the form, resolves the jurisdiction, checks the api_key (403) and
 * its rate limit (429, our extension), then hands the fields to the channel-independent intake.
 * @see ../../../../shared/OPEN311.md "Endpoints" (POST /requests)
 */
import type { Context } from 'hono';
import type { AppContext } from '../app-context.js';
import { submitRequest } from '../intake/submit-request.js';
import { iso } from '../requests/open311-request.js';
import { checkApiKey } from './api-keys.js';
import { readOpen311PostFields } from './form-fields.js';
import { sendOpen311, sendOpen311Errors, type Open311Format } from './format-negotiation.js';
import { resolveJurisdiction } from './jurisdiction.js';
import { hasControlCharacters } from './query-params.js';
import type { RateLimiter } from './rate-limit.js';
import { attachMediaToRequest, discardMedia, storeUploadedMedia } from '../media/index.js';

/** Handles one Open311 submission; every refusal is an Open311 error body. */
export async function postRequest(app: AppContext, limiter: RateLimiter, c: Context, fmt: Open311Format) {
  const form = await readForm(c);
  if (!form) {
    return sendOpen311Errors(c, fmt, 400, [
      'The body must be form fields (application/x-www-form-urlencoded or multipart/form-data), as Open311 specifies.',
    ]);
  }
  const { fields, attributes, errors } = readOpen311PostFields(form.pairs);
  if (errors.length) return sendOpen311Errors(c, fmt, 400, errors);
  const queryJurisdiction = c.req.query('jurisdiction_id');
  if (queryJurisdiction && hasControlCharacters(queryJurisdiction))
    return sendOpen311Errors(c, fmt, 400, ['jurisdiction_id: contains control characters; send plain text.']);
  const jurisdiction = await resolveJurisdiction(app.db, fields.jurisdiction_id ?? queryJurisdiction);
  if (!jurisdiction.ok) return sendOpen311Errors(c, fmt, jurisdiction.status, [jurisdiction.message]);
  const now = app.now();
  const keyId = await checkApiKey(app.db, jurisdiction.id, fields.api_key, now);
  if (!keyId) {
    return sendOpen311Errors(c, fmt, 403, [
      fields.api_key
        ? 'api_key: this key is not valid here (wrong, revoked or for another jurisdiction); ask the city for a key.'
        : 'api_key: POST requires an api_key; ask the city for one.',
    ]);
  }
  const rate = limiter.take(keyId);
  if (!rate.ok) {
    c.header('Retry-After', String(rate.retryAfterSeconds));
    return sendOpen311Errors(c, fmt, 429, [
      `api_key: this key sent too many requests; wait ${rate.retryAfterSeconds} seconds and send again, or ask the city for a higher limit.`,
    ]);
  }
  // A photo sent as multipart `media` (GeoReport v2.1 draft) is stored first; its URL becomes media_url.
  const photo = form.media ? await storeUploadedMedia(app, form.media, jurisdiction.id) : null;
  if (photo && 'errors' in photo) {
    return sendOpen311Errors(
      c,
      fmt,
      photo.status ?? 400,
      photo.errors.map((e) => `${e.field}: ${e.message}`),
    );
  }
  const { api_key: _key, jurisdiction_id: _j, ...rest } = fields;
  const result = await submitRequest(
    app.db,
    jurisdiction.id,
    { ...rest, ...(photo ? { media_url: photo.url } : {}), attributes, channel: 'open311' },
    now,
    { geocoder: app.geocoder, traceId: c.get('requestId') },
  );
  if (!result.ok) {
    if (photo) await discardMedia(app, [photo.id]);
    return sendOpen311Errors(
      c,
      fmt,
      result.status,
      result.errors.map((e) => `${e.field}: ${e.message}`),
    );
  }
  const { request } = result;
  if (photo) await attachMediaToRequest(app.db, [photo.id], request.id, jurisdiction.id);
  return sendOpen311(c, fmt, 'service_requests', [
    {
      service_request_id: request.id,
      service_notice: request.serviceNotice ?? '',
      account_id: request.accountId,
      ...(request.expectedAt ? { expected_datetime: iso(request.expectedAt) } : {}),
    },
  ]);
}

/** Form pairs (and the `media` file, if any) from a urlencoded or multipart body; null for any other body. */
async function readForm(c: Context): Promise<{ pairs: [string, string][]; media: File | null } | null> {
  const type = c.req.header('content-type') ?? '';
  if (!/^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i.test(type)) return null;
  try {
    const form = await c.req.raw.formData();
    const pairs: [string, string][] = [];
    let media: File | null = null;
    form.forEach((value, key) => {
      if (typeof value === 'string') pairs.push([key, value]);
      else if (key === 'media' && !media) media = value;
    });
    return { pairs, media };
  } catch {
    return null;
  }
}
