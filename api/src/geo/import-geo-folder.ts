/**
 * Writes a city pack's geo files into jurisdiction_areas and address_points, replacing what the
 * jurisdiction had, inside the caller's transaction (the pack import's), so a failed import leaves
 * the previous areas and addresses in place.
 */
import type { Prisma } from '../db/client.js';
import { geometryBounds } from './polygons.js';
import { readGeoFolder, type GeoFiles } from './geo-files.js';

export interface GeoImportSummary {
  areas: number;
  addressPoints: number;
}

// Bounded batches keep each INSERT under PostgreSQL's 65,535 bind parameters for big cities.
const batchSize = 5000;

/**
 * Replaces the jurisdiction's areas and address points with those of `folder` (a pack's `geo/`
 * folder, or files already read by readGeoFolder). Call invalidateJurisdictionLocator after commit.
 */
export async function importGeoFolder(
  tx: Prisma.TransactionClient,
  jurisdictionId: string,
  folder: string | GeoFiles,
): Promise<GeoImportSummary> {
  const files = typeof folder === 'string' ? readGeoFolder(folder) : folder;
  await tx.jurisdictionArea.deleteMany({ where: { jurisdictionId } });
  await tx.addressPoint.deleteMany({ where: { jurisdictionId } });
  await tx.jurisdictionArea.createMany({
    data: files.areas.map((area) => ({
      jurisdictionId,
      kind: area.kind,
      code: area.code,
      name: area.name,
      geometry: area.geometry as unknown as Prisma.InputJsonValue,
      ...geometryBounds(area.geometry),
    })),
  });
  for (let start = 0; start < files.addressPoints.length; start += batchSize) {
    await tx.addressPoint.createMany({
      data: files.addressPoints.slice(start, start + batchSize).map((point) => ({
        jurisdictionId,
        addressId: point.address_id,
        address: point.address,
        zipcode: point.zipcode ?? null,
        lat: point.lat,
        long: point.long,
      })),
    });
  }
  return { areas: files.areas.length, addressPoints: files.addressPoints.length };
}
