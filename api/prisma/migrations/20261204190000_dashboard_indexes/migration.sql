-- Indexes for the statistics dashboard (api/src/stats). Each dashboard query reads one jurisdiction's
-- requests in a local date range; the existing (jurisdiction_id, requested_at) index serves "opened".

-- "Closed in the range": close counts, time-to-close percentiles and request SLA compliance. Partial:
-- open requests have no closed_at and are never read by these queries.
CREATE INDEX "service_requests_jurisdiction_id_closed_at_idx"
    ON "service_requests"("jurisdiction_id", "closed_at")
    WHERE "closed_at" IS NOT NULL;

-- The backlog (open requests by age) and open-past-expected-date counts: only open requests, which
-- are a small share of all stored requests (about 5 % in NYC's 311 data).
CREATE INDEX "service_requests_jurisdiction_id_requested_at_open_idx"
    ON "service_requests"("jurisdiction_id", "requested_at")
    WHERE "status" = 'open';

-- Tasks completed in a range: task SLA compliance and per-assignee throughput.
CREATE INDEX "tasks_completed_at_idx"
    ON "tasks"("completed_at")
    WHERE "completed_at" IS NOT NULL;

-- Overdue and due-soon tasks per department use the queue's (department_id, due_at, id) index on
-- waiting tasks (20261204190300_queue_paging).
