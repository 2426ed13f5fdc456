/** GeoJSON Polygon / MultiPolygon in WGS84 lng/lat, as the boundary and the districts are stored. */
import { z } from 'zod';
import { areaKinds } from '../geo/area-index.js';

const position = z
  .tuple([
    z.number().min(-180, 'Longitude is between -180 and 180').max(180, 'Longitude is between -180 and 180'),
    z.number().min(-90, 'Latitude is between -90 and 90').max(90, 'Latitude is between -90 and 90'),
  ])
  .rest(z.number());
const ring = z
  .array(position)
  .min(4, 'A ring needs at least 4 [lng, lat] positions, the last equal to the first')
  .refine(
    (r) => r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1],
    'A ring must end where it starts: repeat the first position at the end',
  );

export const areaGeometry = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1, 'List at least one ring') }),
    z.object({
      type: z.literal('MultiPolygon'),
      coordinates: z.array(z.array(ring).min(1)).min(1, 'List at least one polygon'),
    }),
  ],
  { error: 'Give a GeoJSON geometry with type Polygon or MultiPolygon' },
);

export const areaKind = z.enum(areaKinds, { error: `kind is one of ${areaKinds.join(', ')}` });
