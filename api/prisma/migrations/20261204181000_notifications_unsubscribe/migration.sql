-- Notification dispatch: when a row may next be tried (backoff), a lease so several API processes
-- never mail the same row at once, and the addresses already mailed so a retry skips them.
ALTER TABLE "notifications" ADD COLUMN "available_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "notifications" ADD COLUMN "locked_until" TIMESTAMPTZ(3);
ALTER TABLE "notifications" ADD COLUMN "delivered_to" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];

-- The requester's "stop mailing me about this request" (followers have request_followers.unsubscribed_at).
ALTER TABLE "service_requests" ADD COLUMN "notifications_unsubscribed_at" TIMESTAMPTZ(3);
