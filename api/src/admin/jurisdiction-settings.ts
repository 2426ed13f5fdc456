/**
 * The jurisdiction's own settings: public name, time zone, boundary (reports outside it are
 * refused), districts / wards / service areas, and the business calendar business-time SLAs use.
 * Checked with the schemas' `jurisdiction` and `businessCalendar` contracts.
 */
import { z } from 'zod';
import { businessCalendar, jurisdiction } from '@civicdesk/schemas';
import type { StaffIdentity } from '../app-context.js';
import { Prisma, type PrismaClient } from '../db/generated/client.js';
import { invalidateJurisdictionLocator } from '../geo/index.js';
import { geometryBounds, type AreaGeometry } from '../geo/polygons.js';
import { FieldErrorsError } from '../trpc/trpc.js';
import { recordAudit } from './audit.js';
import { areaGeometry, areaKind } from './geometry-input.js';

/** A stored boundary or area shape, as the admin API reads and writes it. */
type Geometry = z.output<typeof areaGeometry>;

export const updateSettingsInput = z.object({
  name: jurisdiction.shape.name,
  timezone: jurisdiction.shape.timezone,
  boundary: areaGeometry.nullable(),
  calendar: businessCalendar.nullable(),
});
export const saveAreaInput = z.object({
  kind: areaKind,
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'Use letters, digits, "_", "-" or ".", e.g. ward-3'),
  name: z.string().trim().min(1, 'Give the area the name residents know, e.g. Ward 3'),
  geometry: areaGeometry,
});
export const deleteAreaInput = saveAreaInput.pick({ kind: true, code: true });

/** The settings and every area (geometry included, for the map and the editor). */
export async function readSettings(db: PrismaClient, jurisdictionId: string) {
  const [place, areas] = await Promise.all([
    db.jurisdiction.findUniqueOrThrow({ where: { id: jurisdictionId } }),
    db.jurisdictionArea.findMany({ where: { jurisdictionId }, orderBy: [{ kind: 'asc' }, { code: 'asc' }] }),
  ]);
  return {
    id: place.id,
    name: place.name,
    timezone: place.timezone,
    boundary: (place.boundary ?? null) as Geometry | null,
    calendar: (place.calendar ?? null) as z.output<typeof businessCalendar> | null,
    areas: areas.map((a) => ({
      kind: a.kind,
      code: a.code,
      name: a.name,
      geometry: a.geometry as unknown as Geometry,
    })),
  };
}

const json = (value: unknown) => (value ?? undefined) as Prisma.InputJsonValue | undefined;

/** Replaces name, time zone, boundary and calendar; the locator reloads on the next report. */
export async function updateSettings(
  db: PrismaClient,
  staff: StaffIdentity,
  input: z.output<typeof updateSettingsInput>,
) {
  if (input.calendar && input.calendar.timezone !== input.timezone)
    throw new FieldErrorsError([
      {
        field: 'calendar.timezone',
        message: `The calendar counts hours in ${input.calendar.timezone} but the city is in ${input.timezone}; use the same zone.`,
      },
    ]);
  await db.$transaction(async (tx) => {
    const before = await tx.jurisdiction.findUniqueOrThrow({ where: { id: staff.jurisdictionId } });
    await tx.jurisdiction.update({
      where: { id: staff.jurisdictionId },
      data: {
        name: input.name,
        timezone: input.timezone,
        boundary: input.boundary ? json(input.boundary)! : Prisma.DbNull,
        calendar: input.calendar ? json(input.calendar)! : Prisma.DbNull,
      },
    });
    await recordAudit(tx, staff, {
      action: 'jurisdiction.update',
      subjectType: 'jurisdiction',
      subjectId: staff.jurisdictionId,
      data: {
        before: {
          name: before.name,
          timezone: before.timezone,
          boundarySet: before.boundary !== null,
          calendar: json(before.calendar) ?? null,
        },
        after: {
          name: input.name,
          timezone: input.timezone,
          boundarySet: input.boundary !== null,
          calendar: json(input.calendar) ?? null,
        },
      },
    });
  });
  invalidateJurisdictionLocator(staff.jurisdictionId);
  return readSettings(db, staff.jurisdictionId);
}

/** Adds or replaces a district, ward or service area. */
export async function saveArea(
  db: PrismaClient,
  staff: StaffIdentity,
  input: z.output<typeof saveAreaInput>,
) {
  const geometry = input.geometry as AreaGeometry;
  await db.$transaction(async (tx) => {
    const key = {
      jurisdictionId_kind_code: { jurisdictionId: staff.jurisdictionId, kind: input.kind, code: input.code },
    };
    const data = { name: input.name, geometry: json(geometry)!, ...geometryBounds(geometry) };
    const before = await tx.jurisdictionArea.findUnique({ where: key });
    const row = await tx.jurisdictionArea.upsert({
      where: key,
      create: { jurisdictionId: staff.jurisdictionId, kind: input.kind, code: input.code, ...data },
      update: data,
    });
    await recordAudit(tx, staff, {
      action: before ? 'area.update' : 'area.create',
      subjectType: 'jurisdiction_area',
      subjectId: row.id,
      data: { kind: input.kind, code: input.code, name: input.name },
    });
  });
  invalidateJurisdictionLocator(staff.jurisdictionId);
  return { kind: input.kind, code: input.code, name: input.name };
}

/** Removes an area; requests keep the code they were enriched with. */
export async function deleteArea(
  db: PrismaClient,
  staff: StaffIdentity,
  input: z.output<typeof deleteAreaInput>,
) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.jurisdictionArea.deleteMany({
      where: { jurisdictionId: staff.jurisdictionId, kind: input.kind, code: input.code },
    });
    if (count === 0)
      throw new FieldErrorsError(
        [{ field: 'code', message: `There is no ${input.kind} '${input.code}'.` }],
        'NOT_FOUND',
      );
    await recordAudit(tx, staff, {
      action: 'area.delete',
      subjectType: 'jurisdiction_area',
      subjectId: `${input.kind}/${input.code}`,
      data: { kind: input.kind, code: input.code },
    });
  });
  invalidateJurisdictionLocator(staff.jurisdictionId);
  return { deleted: true };
}
