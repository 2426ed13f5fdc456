/**
 * Intake, whatever the channel: validate against the service definition, then write the request, its
 * first timeline event and the outbox row that starts its workflow in ONE transaction. Nothing is
 * stored on error; the workflow starts after commit (outbox relay), so a crash never loses a request.
 * @see ../../../../shared/DESIGN.md "The life of a request"
 */
import { parseIntake, type FieldError } from '@civicdesk/schemas';
import type { PrismaClient } from '../db/generated/client.js';
import { serviceAttributes } from '../catalogue/open311-services.js';
import { addIsoDuration } from '../time/iso-duration.js';
import { isInsideBoundary } from './jurisdiction-boundary.js';
import { START_WORKFLOW } from '../outbox/messages.js';

export interface SubmittedRequest {
  id: string;
  token: string;
  serviceNotice: string | null;
  expectedAt: Date | null;
  accountId: string | null;
}

export type IntakeResult =
  { ok: true; request: SubmittedRequest } | { ok: false; status: 400 | 404; errors: FieldError[] };

/** Validates and stores a resident's submission; `input` is the channel-independent intake shape. */
export async function submitRequest(
  db: PrismaClient,
  jurisdictionId: string,
  input: unknown,
  now: Date,
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
  if (!checked.ok) return { ok: false, status: 400, errors: checked.errors };
  const { intake } = checked;
  const jurisdiction = await db.jurisdiction.findUniqueOrThrow({ where: { id: jurisdictionId } });
  if (
    intake.lat !== undefined &&
    intake.long !== undefined &&
    !isInsideBoundary(jurisdiction.boundary, intake.lat, intake.long)
  ) {
    return {
      ok: false,
      status: 400,
      errors: [
        {
          field: 'lat',
          message: `The location ${intake.lat}, ${intake.long} is outside ${jurisdiction.name}. Check the coordinates, or contact the city or county responsible for that place.`,
        },
      ],
    };
  }
  const svc = service!;
  const version = await pinnedWorkflowVersion(db, svc.id);
  const expectedAt = svc.expectedSla ? addIsoDuration(now, svc.expectedSla) : null;

  const created = await db.$transaction(async (tx) => {
    const request = await tx.serviceRequest.create({
      data: {
        jurisdictionId,
        serviceId: svc.id,
        departmentId: svc.departmentId,
        workflowVersionId: version?.id ?? null,
        description: intake.description ?? null,
        attributes: checked.attributes,
        lat: intake.lat ?? null,
        long: intake.long ?? null,
        address: intake.address_string ?? null,
        addressId: intake.address_id ?? null,
        mediaUrl: intake.media_url ?? null,
        channel: intake.channel,
        firstName: intake.first_name ?? null,
        lastName: intake.last_name ?? null,
        email: intake.email?.toLowerCase() ?? null,
        phone: intake.phone ?? null,
        deviceId: intake.device_id ?? null,
        accountId: intake.account_id ?? null,
        requestedAt: now,
        updatedAt: now,
        expectedAt,
      },
    });
    await tx.timelineEvent.create({
      data: {
        requestId: request.id,
        at: now,
        kind: 'opened',
        public: true,
        summary: `Request received: ${svc.name}`,
        actor: 'resident',
        data: { channel: intake.channel },
      },
    });
    if (version) {
      await tx.outboxMessage.create({
        data: {
          kind: START_WORKFLOW,
          payload: { requestId: request.id.toString() },
          createdAt: now,
          availableAt: now,
        },
      });
    }
    return request;
  });

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

/** The newest published version of the workflow bound to the service, or null when none is. */
async function pinnedWorkflowVersion(db: PrismaClient, serviceId: string) {
  const binding = await db.serviceWorkflowBinding.findUnique({ where: { serviceId } });
  if (!binding) return null;
  return db.workflowVersion.findFirst({
    where: { definitionId: binding.definitionId },
    orderBy: { version: 'desc' },
  });
}
