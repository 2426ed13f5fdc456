-- Geo: the areas (districts, wards, service areas) and address points of each jurisdiction, used to
-- normalise and enrich request locations (api/src/geo), and the enrichment stored on each request.

-- CreateTable
CREATE TABLE "jurisdiction_areas" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "jurisdiction_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "geometry" JSONB NOT NULL,
    "min_lng" DOUBLE PRECISION NOT NULL,
    "min_lat" DOUBLE PRECISION NOT NULL,
    "max_lng" DOUBLE PRECISION NOT NULL,
    "max_lat" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "jurisdiction_areas_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "address_points" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "jurisdiction_id" TEXT NOT NULL,
    "address_id" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "zipcode" TEXT,
    "lat" DOUBLE PRECISION NOT NULL,
    "long" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "address_points_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "service_requests" ADD COLUMN "district" TEXT,
ADD COLUMN "ward" TEXT,
ADD COLUMN "service_area" TEXT,
ADD COLUMN "x" DOUBLE PRECISION,
ADD COLUMN "y" DOUBLE PRECISION,
ADD COLUMN "spatial_reference" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "jurisdiction_areas_jurisdiction_id_kind_code_key" ON "jurisdiction_areas"("jurisdiction_id", "kind", "code");

-- CreateIndex
CREATE INDEX "jurisdiction_areas_bbox_idx" ON "jurisdiction_areas"("jurisdiction_id", "min_lng", "max_lng", "min_lat", "max_lat");

-- CreateIndex
CREATE UNIQUE INDEX "address_points_jurisdiction_id_address_id_key" ON "address_points"("jurisdiction_id", "address_id");

-- CreateIndex: fuzzy address search. pg_trgm's trigrams are case-folded already, so a trigram index
-- on "address" serves lower(address) searches too (and Prisma can describe it). PostgreSQL ships
-- pg_trgm in contrib and PGlite bundles it, but a PGlite started without the bundle (PGlite.create()
-- with no extensions) cannot create it: there the index is a plain b-tree and the in-memory offline
-- geocoder (api/src/geo/geocoders/offline.ts) does the fuzzy matching. The one place that differs.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX "address_points_address_idx" ON "address_points" USING GIN ("address" gin_trgm_ops);
    ELSE
        CREATE INDEX "address_points_address_idx" ON "address_points"("address");
    END IF;
END $$;

-- AddForeignKey
ALTER TABLE "jurisdiction_areas" ADD CONSTRAINT "jurisdiction_areas_jurisdiction_id_fkey" FOREIGN KEY ("jurisdiction_id") REFERENCES "jurisdictions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "address_points" ADD CONSTRAINT "address_points_jurisdiction_id_fkey" FOREIGN KEY ("jurisdiction_id") REFERENCES "jurisdictions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Beyond Prisma: CHECK constraints
ALTER TABLE "jurisdiction_areas" ADD CONSTRAINT "jurisdiction_areas_kind_check"
    CHECK ("kind" IN ('district', 'ward', 'service_area'));
ALTER TABLE "jurisdiction_areas" ADD CONSTRAINT "jurisdiction_areas_code_check"
    CHECK ("code" <> '');
ALTER TABLE "jurisdiction_areas" ADD CONSTRAINT "jurisdiction_areas_geometry_check"
    CHECK ("geometry"->>'type' IN ('Polygon', 'MultiPolygon'));
ALTER TABLE "jurisdiction_areas" ADD CONSTRAINT "jurisdiction_areas_bbox_check"
    CHECK ("min_lng" <= "max_lng" AND "min_lat" <= "max_lat"
           AND "min_lng" >= -180 AND "max_lng" <= 180 AND "min_lat" >= -90 AND "max_lat" <= 90);
ALTER TABLE "address_points" ADD CONSTRAINT "address_points_address_id_check"
    CHECK ("address_id" <> '');
ALTER TABLE "address_points" ADD CONSTRAINT "address_points_lat_check"
    CHECK ("lat" BETWEEN -90 AND 90);
ALTER TABLE "address_points" ADD CONSTRAINT "address_points_long_check"
    CHECK ("long" BETWEEN -180 AND 180);
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_x_y_check"
    CHECK (("x" IS NULL) = ("y" IS NULL) AND ("x" IS NULL OR "spatial_reference" IS NOT NULL));
