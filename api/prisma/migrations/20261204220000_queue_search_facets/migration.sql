-- The staff queue's search and facet counts at a big city's scale (bench/queries: 1,000,000
-- requests, 35,000 waiting tasks in the busiest department).

-- Search by words (api/src/queue/queue-conditions.ts): `address ILIKE '%…%' OR description ILIKE
-- '%…%'`. A word that is rare in the department's queue made the planner scan all 1,000,000 requests
-- (1.1 s); trigram indexes turn each ILIKE into an index lookup, so the planner can start from the
-- few matching requests, or walk the queue in order when the words are common. pg_trgm is in
-- PostgreSQL's contrib and in the embedded PGlite server (scripts/services/pglite-server.ts loads it);
-- a bare PGlite.create() without the bundle cannot create it. There the search still works, without
-- the indexes' help, and the same columns get plain indexes instead: a b-tree for the one-line
-- address, a hash for the description (a b-tree refuses keys over 2.7 kB; descriptions reach 4,000
-- characters). The one place that differs, as in 20261204170000_geo.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX "service_requests_description_trgm_idx" ON "service_requests" USING GIN ("description" gin_trgm_ops);
        CREATE INDEX "service_requests_address_trgm_idx" ON "service_requests" USING GIN ("address" gin_trgm_ops);
    ELSE
        CREATE INDEX "service_requests_description_trgm_idx" ON "service_requests" USING HASH ("description");
        CREATE INDEX "service_requests_address_trgm_idx" ON "service_requests" ("address");
    END IF;
END $$;

-- Facet counts (api/src/queue/queue-facets.ts) group the department's waiting tasks by status,
-- assignee, service, district, SLA state and age. Read from the table, the busiest department's
-- 35,000 waiting tasks lie on 15,000 pages (330 ms); this index carries every column the count
-- reads, so it is an index-only scan of the department's entries.
CREATE INDEX "tasks_queue_facets_idx"
    ON "tasks"("department_id", "status", "assignee_id", "service_id", "district", "due_at", "created_at")
    WHERE "status" = ANY (ARRAY['open'::text, 'claimed'::text]);
