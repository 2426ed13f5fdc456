/** Great-circle distance on the WGS84 mean sphere; below a millimetre of error at city distances. */
const earthRadiusMetres = 6_371_008.8;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Distance in metres between two WGS84 points, for accuracy checks and nearest-address answers. */
export function haversineMetres(a: { lat: number; long: number }, b: { lat: number; long: number }): number {
  const dLat = radians(b.lat - a.lat);
  const dLong = radians(b.long - a.long);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLong / 2) ** 2;
  return 2 * earthRadiusMetres * Math.asin(Math.min(1, Math.sqrt(h)));
}
