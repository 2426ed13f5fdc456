/**
 * The locator of a jurisdiction, built from its rows (boundary, areas, address points) on first use
 * and kept in memory: building takes milliseconds to seconds, a lookup microseconds.
 */
import type { PrismaClient } from '../db/client.js';
import { areaKinds, type Area, type AreaKind } from './area-index.js';
import type { Geocoder } from './geocoders/geocoder.js';
import { createOfflineGeocoder } from './geocoders/offline.js';
import { createLocator, type Locator } from './locator.js';
import type { AreaGeometry } from './polygons.js';

export interface JurisdictionLocatorOptions {
  /** A hosted geocoder for address_string (Google, ArcGIS); the offline address book when absent. */
  geocoder?: Geocoder;
  /** Also answer x/y in this system, e.g. `EPSG:3436`. */
  spatialReference?: string;
}

type Db = Pick<PrismaClient, 'jurisdiction' | 'jurisdictionArea' | 'addressPoint'>;

const cache = new Map<string, { db: Db; locator: Promise<Locator> }>();

/** Reads the jurisdiction's geo rows and builds its locator. */
export async function buildJurisdictionLocator(
  db: Db,
  jurisdictionId: string,
  options: JurisdictionLocatorOptions = {},
): Promise<Locator> {
  const [jurisdiction, areas, points] = await Promise.all([
    db.jurisdiction.findUnique({ where: { id: jurisdictionId }, select: { name: true, boundary: true } }),
    db.jurisdictionArea.findMany({ where: { jurisdictionId }, orderBy: [{ kind: 'asc' }, { code: 'asc' }] }),
    db.addressPoint.findMany({ where: { jurisdictionId }, orderBy: { addressId: 'asc' } }),
  ]);
  if (!jurisdiction) throw new Error(`No jurisdiction '${jurisdictionId}': import its city pack first.`);
  const addresses = createOfflineGeocoder(
    points.map((p) => ({
      address_id: p.addressId,
      address: p.address,
      zipcode: p.zipcode ?? undefined,
      lat: p.lat,
      long: p.long,
    })),
  );
  return createLocator({
    boundary: jurisdiction.boundary,
    areas: areas
      .filter((a): a is typeof a & { kind: AreaKind } => (areaKinds as readonly string[]).includes(a.kind))
      .map((a): Area => ({
        kind: a.kind,
        code: a.code,
        name: a.name,
        geometry: a.geometry as unknown as AreaGeometry,
      })),
    addresses,
    jurisdictionName: jurisdiction.name,
    ...(options.geocoder && { geocoder: options.geocoder }),
    ...(options.spatialReference && { spatialReference: options.spatialReference }),
  });
}

/**
 * The cached locator of a jurisdiction (built on first call; concurrent first calls share one
 * build). Options apply when it is built; a failed build is not cached.
 */
export function loadJurisdictionLocator(
  db: Db,
  jurisdictionId: string,
  options: JurisdictionLocatorOptions = {},
): Promise<Locator> {
  const cached = cache.get(jurisdictionId);
  if (cached && cached.db === db) return cached.locator;
  const locator = buildJurisdictionLocator(db, jurisdictionId, options);
  cache.set(jurisdictionId, { db, locator });
  locator.catch(() => {
    if (cache.get(jurisdictionId)?.locator === locator) cache.delete(jurisdictionId);
  });
  return locator;
}

/** Forgets a jurisdiction's locator (all of them without an id), e.g. after its geo files or boundary change. */
export function invalidateJurisdictionLocator(jurisdictionId?: string): void {
  if (jurisdictionId === undefined) cache.clear();
  else cache.delete(jurisdictionId);
}
