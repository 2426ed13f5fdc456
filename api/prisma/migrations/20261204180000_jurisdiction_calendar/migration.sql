-- The jurisdiction's business calendar (time zone, working days, hours, holidays) that business-time
-- SLAs count in; NULL means Mon–Fri 09:00–17:00 in the jurisdiction's time zone.
ALTER TABLE "jurisdictions" ADD COLUMN "calendar" JSONB;
ALTER TABLE "jurisdictions" ADD CONSTRAINT "jurisdictions_calendar_check"
    CHECK ("calendar" IS NULL OR jsonb_typeof("calendar") = 'object');
