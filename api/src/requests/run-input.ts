/**
 * What a request's workflow run starts from: the pinned definition, the facts its rules read and the
 * city's business calendar. Shared by the outbox relay (first run) and reopening (a later run).
 */
import { businessCalendar, businessCalendarOf, type WorkflowDefinition } from '@civicdesk/schemas';
import type { PrismaClient } from '../db/generated/client.js';
import type { StartRequestInput } from '../workflow-gateway.js';
import { storedRequestFacts } from './stored-request-facts.js';

/** Builds the run input of a stored request; throws when the request has no pinned workflow version. */
export async function requestRunInput(db: PrismaClient, requestId: string): Promise<StartRequestInput> {
  const request = await db.serviceRequest.findUniqueOrThrow({
    where: { id: BigInt(requestId) },
    include: {
      jurisdiction: true,
      service: true,
      workflowVersion: { include: { workflowDefinition: true } },
    },
  });
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
