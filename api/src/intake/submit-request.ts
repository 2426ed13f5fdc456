/**
 * Intake, whatever the channel: validate against the service definition, then write the request, its
 * first timeline event and the outbox row that starts its workflow in ONE transaction. Nothing is
 * stored on error; the workflow starts after commit (outbox relay), so a crash never loses a request.
 * @see ../../../../shared/DESIGN.md "The life of a request"
 */
import { intakeChannel, parseIntake, type FieldError } from '@civicdesk/schemas';
import type { PrismaClient } from '../db/generated/client.js';
import { serviceAttributes } from '../catalogue/open311-services.js';
import { addIsoDuration } from '../time/iso-duration.js';
import { loadJurisdictionLocator, type Geocoder, type LocateInput } from '../geo/index.js';
import { START_WORKFLOW } from '../outbox/messages.js';
import { ringOutboxDoorbell } from '../outbox/wake.js';
import { duplicateScore, findDuplicateCandidates } from '../duplicates/index.js';
import { recordIntake } from '../ops/metrics.js';
import { mediaIdInUrl } from '../media/media-key.js';
import { insertRequestRows } from './insert-request.js';

export interface SubmittedRequest {
  id: string;
  token: string;
  serviceNotice: string | null;
  expectedAt: Date | null;
  accountId: string | null;
}

export type IntakeResult =
  { ok: true; request: SubmittedRequest } | { ok: false; status: 400 | 404; errors: FieldError[] };

export interface IntakeOptions {
  geocoder?: Geocoder | undefined;
  /** The channel's request id (HTTP `x-request-id`), carried into the workflow run. */
  traceId?: string | undefined;
}

/** Validates and stores a resident's submission (any channel), counting the outcome for /metrics. */
export async function submitRequest(
  db: PrismaClient,
  jurisdictionId: string,
  input: unknown,
  now: Date,
  options: IntakeOptions = {},
): Promise<IntakeResult> {
  const result = await storeRequest(db, jurisdictionId, input, now, options);
  // Only known channels become metric labels: a hostile value must not grow the label set.
  const channel = intakeChannel.safeParse((input as { channel?: unknown } | null)?.channel);
  recordIntake(channel.success ? channel.data : 'unknown', result.ok ? 'accepted' : 'rejected');
  return result;
}

/** Validates and stores a resident's submission; `input` is the channel-independent intake shape. */
async function storeRequest(
  db: PrismaClient,
  jurisdictionId: string,
  input: unknown,
  now: Date,
  options: IntakeOptions = {},
): Promise<IntakeResult> {
  const code = (input as { service_code?: unknown } | null)?.service_code;
  const service =
    typeof code === 'string' && code.trim() !== ''
      ? await db.service.findFirst({ where: { jurisdictionId, code: code.trim(), active: true } })
      : null;
  if (typeof code === 'string' && code.trim() !== '' && !service) {
    return {
      ok: false,
      status: 404,
      errors: [
        {
          field: 'service_code',
          message: `There is no service '${code.trim()}' here. GET /services lists the service codes this city accepts.`,
        },
      ],
    };
  }
  const checked = parseIntake(input, service ? serviceAttributes(service) : undefined);
  // The location is normalised (projected x/y, address, address id → WGS84) and enriched with
  // district, ward and service area; its problems are reported together with the other fields'.
  const locator = await loadJurisdictionLocator(
    db,
    jurisdictionId,
    options.geocoder ? { geocoder: options.geocoder } : {},
  );
  const located = await locator.locate(locationFields(input));
  const errors = [...(checked.ok ? [] : checked.errors), ...(located.ok ? [] : located.errors)];
  if (!checked.ok || !located.ok) return { ok: false, status: 400, errors: withoutRepeats(errors) };
  const { intake } = checked;
  const place = located.location;
  const svc = service!;
  const expectedAt = svc.expectedSla ? addIsoDuration(now, svc.expectedSla) : null;
  // The best duplicate score is stored with the request: workflows may route on it (fact duplicate_score).
  // Both reads are independent: side by side, a POST waits for one round trip instead of two.
  const [version, candidates] = await Promise.all([
    pinnedWorkflowVersion(db, svc.id),
    place.lat !== undefined && place.long !== undefined
      ? findDuplicateCandidates(db, {
          jurisdictionId,
          serviceCode: svc.code,
          lat: place.lat,
          long: place.long,
          description: intake.description ?? null,
          at: now,
        })
      : [],
  ]);

  const created = await insertRequestRows(
    db,
    {
      jurisdictionId,
      serviceId: svc.id,
      departmentId: svc.departmentId,
      workflowVersionId: version?.id ?? null,
      description: intake.description ?? null,
      attributes: checked.attributes,
      lat: place.lat ?? null,
      long: place.long ?? null,
      address: place.address ?? intake.address_string ?? null,
      addressId: place.address_id ?? intake.address_id ?? null,
      zipcode: place.zipcode ?? null,
      district: place.district ?? null,
      ward: place.ward ?? null,
      serviceArea: place.service_area ?? null,
      x: place.x ?? null,
      y: place.y ?? null,
      spatialReference: place.spatial_reference ?? null,
      mediaUrl: intake.media_url ?? null,
      channel: intake.channel,
      firstName: intake.first_name ?? null,
      lastName: intake.last_name ?? null,
      email: intake.email?.toLowerCase() ?? null,
      phone: intake.phone ?? null,
      deviceId: intake.device_id ?? null,
      accountId: intake.account_id ?? null,
      requestedAt: now,
      expectedAt,
      duplicateScore: duplicateScore(candidates),
    },
    {
      // A photo uploaded first (portal, `POST /media`) and named by its URL belongs to this request
      // now; left unattached, the daily clean-up of abandoned uploads would delete it.
      photoId: intake.media_url ? mediaIdInUrl(intake.media_url) : null,
      opened: {
        summary: `Request received: ${svc.name}`,
        // Staff see why a report has no point yet (address not in the city's book, geocoder down).
        data: { channel: intake.channel, ...(located.warning ? { location_warning: located.warning } : {}) },
      },
      outbox: version
        ? { kind: START_WORKFLOW, payload: options.traceId ? { traceId: options.traceId } : {} }
        : null,
    },
  );
  if (version) ringOutboxDoorbell();

  return {
    ok: true,
    request: {
      id: created.id.toString(),
      token: created.token,
      serviceNotice: svc.serviceNotice,
      expectedAt,
      accountId: created.accountId,
    },
  };
}

/** The location fields of a submission, as any channel sends them. */
function locationFields(input: unknown): LocateInput {
  const raw = (input ?? {}) as Record<string, unknown>;
  const pick = (name: string) => {
    const value = raw[name];
    return typeof value === 'string' || typeof value === 'number' ? value : undefined;
  };
  return {
    lat: pick('lat'),
    long: pick('long'),
    x: pick('x'),
    y: pick('y'),
    address_string: pick('address_string')?.toString(),
    address_id: pick('address_id')?.toString(),
    spatial_reference: (raw.spatial_reference ?? undefined) as LocateInput['spatial_reference'],
  };
}

/** Drops repeated messages: the form validator and the locator may both report the same `location` problem. */
function withoutRepeats(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter(
    (e) => !seen.has(`${e.field}\u0000${e.message}`) && seen.add(`${e.field}\u0000${e.message}`),
  );
}

/** The newest published version of the workflow bound to the service, or null when none is. */
async function pinnedWorkflowVersion(db: PrismaClient, serviceId: string) {
  const binding = await db.serviceWorkflowBinding.findUnique({ where: { serviceId } });
  if (!binding) return null;
  return db.workflowVersion.findFirst({
    where: { definitionId: binding.definitionId },
    orderBy: { version: 'desc' },
  });
}
