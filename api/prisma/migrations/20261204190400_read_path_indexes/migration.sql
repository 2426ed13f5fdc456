-- Read paths at a big city's scale (bench/queries: 1,000,000 requests, 100,000 open). The dashboard's
-- views of open requests (backlog by age, open past their expected date, the open count) read every
-- open request of the jurisdiction, grouped by service, department, district or channel. Open
-- requests lie scattered over the table (some stay open for years), so reading them from the heap
-- costs one page per few rows. This index carries every column those queries read, so they become
-- index-only scans (measured: backlog by service 1,200 ms → 220 ms on a busy 2-core machine). It
-- supersedes the narrower (jurisdiction_id, requested_at) open-request index of
-- 20261204190000_dashboard_indexes, which it starts with.
CREATE INDEX "service_requests_open_dashboard_idx"
    ON "service_requests"("jurisdiction_id", "requested_at", "service_id", "department_id", "district", "channel", "expected_at")
    WHERE "status" = 'open';

DROP INDEX IF EXISTS "service_requests_jurisdiction_id_requested_at_open_idx";
