/**
 * What a clerk can ask of the queue: which department, which tasks (status, assignee, service,
 * district, SLA state, age, free text) and in which order. Shared by the page, the facet counts and
 * the map, so the three always describe the same set of tasks.
 */
import { z } from 'zod';

export const SLA_STATES = ['overdue', 'due_soon', 'on_time', 'none'] as const;
export const AGE_BUCKETS = ['day', 'week', 'month', 'older'] as const;
export const QUEUE_SORTS = ['due', 'age', 'service'] as const;

export type SlaStateName = (typeof SLA_STATES)[number];
export type AgeBucket = (typeof AGE_BUCKETS)[number];
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const queueFilterFields = {
  department: z.string().min(1, 'department: name the department, e.g. streets'),
  /** 'active' is open and claimed together. */
  status: z.enum(['active', 'open', 'claimed']).default('active'),
  assignee: z.enum(['any', 'mine', 'unassigned']).default('any'),
  /** An Open311 service_code, e.g. pothole. */
  service: z.string().min(1).optional(),
  /** A district code of the jurisdiction, e.g. ward-3. */
  district: z.string().min(1).optional(),
  sla: z.enum(SLA_STATES).optional(),
  age: z.enum(AGE_BUCKETS).optional(),
  /** A request number (1042 or #1042), or words of the address or description. */
  search: z.string().trim().max(200, 'search: use at most 200 characters').optional(),
  /** SLA states and ages are judged at this instant (default: now); a page's cursor keeps it. */
  asOf: z.iso
    .datetime({ offset: true, error: 'asOf: give an ISO 8601 time, e.g. 2026-12-04T18:00:00Z' })
    .optional(),
};

export const queueFilters = z.object(queueFilterFields);
export type QueueFilters = z.infer<typeof queueFilters>;

/** Filters resolved to the facts the SQL needs (ids checked against the clerk's departments). */
export interface QueueScope {
  filters: QueueFilters;
  jurisdictionId: string;
  departmentId: string;
  staffId: string;
  /** null when no service filter is set. */
  serviceId: string | null;
  asOf: Date;
}
