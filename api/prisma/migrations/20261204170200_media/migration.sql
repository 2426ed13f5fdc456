-- Photos residents attach to requests (api/src/media). The image bytes live in a MediaStore (a folder
-- or an S3 bucket); this table holds what the API needs to serve and attach them. A row is written
-- when the upload is processed and attached to a request later (request_id NULL until then).
-- Portable to PGlite: no extensions.

-- CreateTable
CREATE TABLE "media" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "jurisdiction_id" TEXT NOT NULL,
    "request_id" BIGINT,
    "storage_key" TEXT NOT NULL,
    "thumbnail_key" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "exif_lat" DOUBLE PRECISION,
    "exif_long" DOUBLE PRECISION,
    "captured_at" TIMESTAMPTZ(3),
    "original_name" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "media_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "media_storage_key_key" ON "media"("storage_key");

-- CreateIndex
CREATE INDEX "media_request_id_idx" ON "media"("request_id");

-- CreateIndex
CREATE INDEX "media_jurisdiction_id_created_at_idx" ON "media"("jurisdiction_id", "created_at");

-- AddForeignKey
ALTER TABLE "media" ADD CONSTRAINT "media_jurisdiction_id_fkey" FOREIGN KEY ("jurisdiction_id") REFERENCES "jurisdictions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "media" ADD CONSTRAINT "media_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "service_requests"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Beyond Prisma: CHECK constraints (Prisma neither renders nor diffs them)
ALTER TABLE "media" ADD CONSTRAINT "media_content_type_check"
    CHECK ("content_type" IN ('image/jpeg', 'image/png'));
ALTER TABLE "media" ADD CONSTRAINT "media_dimensions_check"
    CHECK ("size_bytes" > 0 AND "width" > 0 AND "height" > 0);
ALTER TABLE "media" ADD CONSTRAINT "media_exif_point_check"
    CHECK (("exif_lat" IS NULL) = ("exif_long" IS NULL));
