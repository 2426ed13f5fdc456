/**
 * What a request's workflow run starts from: the pinned definition, the facts its rules read and the
 * city's business calendar. Shared by the outbox relay (first run) and reopening (a later run).
 */
import { businessCalendar, businessCalendarOf, type WorkflowDefinition } from '@civicdesk/schemas';
import type { Prisma, PrismaClient } from '../db/generated/client.js';
import type { StartRequestInput } from '../workflow-gateway.js';
import { storedRequestFacts } from './stored-request-facts.js';

const runInputInclude = {
  jurisdiction: true,
  service: true,
  workflowVersion: { include: { workflowDefinition: true } },
} as const;

/** Builds the run input of a stored request; throws when the request has no pinned workflow version. */
export async function requestRunInput(db: PrismaClient, requestId: string): Promise<StartRequestInput> {
  const request = await db.serviceRequest.findUniqueOrThrow({
    where: { id: BigInt(requestId) },
    include: runInputInclude,
  });
  return toRunInput(request);
}

/**
 * The run inputs of many stored requests in one query (the outbox relay's lease), by request id. A
 * request that is missing or has no pinned version is absent from the map, or its entry is the error.
 */
export async function requestRunInputs(
  db: PrismaClient,
  requestIds: string[],
): Promise<Map<string, StartRequestInput | Error>> {
  const requests = await db.serviceRequest.findMany({
    where: { id: { in: requestIds.map((id) => BigInt(id)) } },
    include: runInputInclude,
  });
  const inputs = new Map<string, StartRequestInput | Error>();
  for (const request of requests) {
    try {
      inputs.set(request.id.toString(), toRunInput(request));
    } catch (error) {
      inputs.set(request.id.toString(), error instanceof Error ? error : new Error(String(error)));
    }
  }
  return inputs;
}

type StoredRequest = Prisma.ServiceRequestGetPayload<{ include: typeof runInputInclude }>;

function toRunInput(request: StoredRequest): StartRequestInput {
  const requestId = request.id.toString();
  const version = request.workflowVersion;
  if (!version) throw new Error(`Request ${requestId} has no pinned workflow version`);
  const stored = request.jurisdiction.calendar;
  return {
    requestId,
    definition: version.definition as WorkflowDefinition,
    ref: { workflow: version.workflowDefinition.slug, version: version.version, hash: version.hash },
    service: request.service.code,
    // Business-time SLAs count in the city's calendar.
    calendar: businessCalendarOf({
      timezone: request.jurisdiction.timezone,
      calendar: stored ? businessCalendar.parse(stored) : undefined,
    }),
    facts: storedRequestFacts(request.service.code, request),
  };
}
