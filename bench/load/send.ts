/**
 * Sends one load request through a public interface of a running CivicDesk: the Open311 HTTP API
 * (`POST /open311/v2/requests.json`, form fields as apps send them) or, for the channels a city's
 * own staff and portal use, tRPC `intake.submit` over HTTP with `channel` set.
 */
import type { LoadRequest } from './synthetic.js';

export interface Target {
  baseUrl: string;
  jurisdictionId: string;
  apiKey: string;
}

export interface SendOutcome {
  ok: boolean;
  status: number;
  /** The new request's id when accepted. */
  id?: string;
  error?: string;
}

/** POSTs the request as an Open311 app would. */
export async function sendOpen311(target: Target, request: LoadRequest): Promise<SendOutcome> {
  const form = new URLSearchParams();
  form.set('api_key', target.apiKey);
  form.set('jurisdiction_id', target.jurisdictionId);
  form.set('service_code', request.service_code);
  form.set('description', request.description);
  if (request.lat !== undefined && request.long !== undefined) {
    form.set('lat', String(request.lat));
    form.set('long', String(request.long));
  }
  if (request.address_string) form.set('address_string', request.address_string);
  for (const [code, value] of Object.entries(request.attributes)) {
    if (Array.isArray(value)) for (const v of value) form.append(`attribute[${code}][]`, v);
    else form.set(`attribute[${code}]`, value);
  }
  const response = await fetch(`${target.baseUrl}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) return { ok: false, status: response.status, error: JSON.stringify(body).slice(0, 300) };
  const id = (body as { service_request_id?: string }[] | null)?.[0]?.service_request_id;
  return id
    ? { ok: true, status: response.status, id }
    : { ok: false, status: response.status, error: 'no id' };
}

/** Files the request through tRPC `intake.submit`, as the portal (`web`) or a call taker (`phone`) does. */
export async function sendTrpcIntake(
  target: Target,
  request: LoadRequest,
  channel: 'web' | 'phone',
): Promise<SendOutcome> {
  const input = {
    jurisdiction_id: target.jurisdictionId,
    service_code: request.service_code,
    description: request.description,
    ...(request.lat !== undefined ? { lat: request.lat, long: request.long } : {}),
    ...(request.address_string ? { address_string: request.address_string } : {}),
    attributes: request.attributes,
    channel,
  };
  const response = await fetch(`${target.baseUrl}/trpc/intake.submit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await response.json().catch(() => null)) as {
    result?: { data?: { service_request_id?: string } };
    error?: { message?: string };
  } | null;
  const id = body?.result?.data?.service_request_id;
  if (!response.ok || !id)
    return { ok: false, status: response.status, error: body?.error?.message ?? `HTTP ${response.status}` };
  return { ok: true, status: response.status, id };
}

/**
 * How a request travels: `open311` sends everything as Open311 POSTs; `real` follows its NYC
 * channel (PHONE → tRPC as `phone`, ONLINE → tRPC as `web`, MOBILE and the rest → Open311).
 */
export type ChannelMode = 'open311' | 'real';

/** Sends `request` to `target` the way `mode` says. */
export function send(target: Target, request: LoadRequest, mode: ChannelMode): Promise<SendOutcome> {
  if (mode === 'real' && request.sourceChannel === 'PHONE') return sendTrpcIntake(target, request, 'phone');
  if (mode === 'real' && request.sourceChannel === 'ONLINE') return sendTrpcIntake(target, request, 'web');
  return sendOpen311(target, request);
}
