-- Queue paging: the staff queue lists a department's waiting tasks (open or claimed) by due date,
-- by age or by service, filtered by service, district, status, assignee, SLA state and age, one
-- keyset page at a time. To keep a page an index walk (no join, no sort) even with 100,000 waiting
-- tasks, each task carries a copy of its request's service and district, kept in step by triggers:
-- set from the request when the task is written, and rewritten when the request's service or
-- district changes. The indexes are partial: completed and cancelled tasks never enter them.
ALTER TABLE "tasks" ADD COLUMN "service_id" UUID;
ALTER TABLE "tasks" ADD COLUMN "district" TEXT;

UPDATE "tasks" t SET "service_id" = r."service_id", "district" = r."district"
    FROM "service_requests" r WHERE r."id" = t."request_id";

CREATE FUNCTION "tasks_copy_request_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT r."service_id", r."district" INTO NEW."service_id", NEW."district"
        FROM "service_requests" r WHERE r."id" = NEW."request_id";
    RETURN NEW;
END;
$$;

CREATE TRIGGER "tasks_copy_request_facts"
    BEFORE INSERT OR UPDATE OF "request_id", "service_id", "district" ON "tasks"
    FOR EACH ROW EXECUTE FUNCTION "tasks_copy_request_facts"();

CREATE FUNCTION "service_requests_share_facts_with_tasks"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "tasks" SET "service_id" = NEW."service_id", "district" = NEW."district"
        WHERE "request_id" = NEW."id";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "service_requests_share_facts_with_tasks"
    AFTER UPDATE OF "service_id", "district" ON "service_requests"
    FOR EACH ROW
    WHEN (OLD."service_id" IS DISTINCT FROM NEW."service_id" OR OLD."district" IS DISTINCT FROM NEW."district")
    EXECUTE FUNCTION "service_requests_share_facts_with_tasks"();

-- CreateIndex: one per sort order (due date, age, service then due date) and for the district filter.
CREATE INDEX "tasks_department_id_due_at_id_idx" ON "tasks"("department_id", "due_at", "id")
    WHERE "status" = ANY (ARRAY['open'::text, 'claimed'::text]);
CREATE INDEX "tasks_department_id_created_at_id_idx" ON "tasks"("department_id", "created_at", "id")
    WHERE "status" = ANY (ARRAY['open'::text, 'claimed'::text]);
CREATE INDEX "tasks_department_id_service_id_due_at_id_idx" ON "tasks"("department_id", "service_id", "due_at", "id")
    WHERE "status" = ANY (ARRAY['open'::text, 'claimed'::text]);
CREATE INDEX "tasks_department_id_district_due_at_id_idx" ON "tasks"("department_id", "district", "due_at", "id")
    WHERE "status" = ANY (ARRAY['open'::text, 'claimed'::text]);

