/**
 * The projected coordinate systems CivicDesk converts from and to, as proj4 definitions embedded
 * here so conversion never needs a network lookup. Definitions are EPSG's, as published in the EPSG
 * registry's proj4 exports. To support another city, add its code and definition below.
 */
export interface SpatialReferenceDefinition {
  /** Canonical name, e.g. `EPSG:2263`. */
  code: string;
  title: string;
  proj4: string;
}

const webMercator =
  '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs';
const nad83 = '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=us-ft +no_defs';

export const spatialReferences: readonly SpatialReferenceDefinition[] = [
  { code: 'EPSG:4326', title: 'WGS 84 (longitude/latitude)', proj4: '+proj=longlat +datum=WGS84 +no_defs' },
  { code: 'EPSG:3857', title: 'WGS 84 / Web Mercator', proj4: webMercator },
  {
    code: 'EPSG:2263',
    title: 'NAD83 / New York Long Island (ftUS)',
    proj4: `+proj=lcc +lat_0=40.1666666666667 +lon_0=-74 +lat_1=41.0333333333333 +lat_2=40.6666666666667 +x_0=300000 +y_0=0 ${nad83}`,
  },
  {
    code: 'EPSG:3435',
    title: 'NAD83 / Illinois East (ftUS)',
    proj4: `+proj=tmerc +lat_0=36.6666666666667 +lon_0=-88.3333333333333 +k=0.999975 +x_0=300000 +y_0=0 ${nad83}`,
  },
  {
    code: 'EPSG:3436',
    title: 'NAD83 / Illinois West (ftUS)',
    proj4: `+proj=tmerc +lat_0=36.6666666666667 +lon_0=-90.1666666666667 +k=0.999941177 +x_0=699999.99998984 +y_0=0 ${nad83}`,
  },
  {
    code: 'EPSG:2227',
    title: 'NAD83 / California zone 3 (ftUS)',
    proj4: `+proj=lcc +lat_0=36.5 +lon_0=-120.5 +lat_1=38.4333333333333 +lat_2=37.0666666666667 +x_0=2000000.0001016 +y_0=500000.0001016 ${nad83}`,
  },
  {
    code: 'EPSG:2229',
    title: 'NAD83 / California zone 5 (ftUS)',
    proj4: `+proj=lcc +lat_0=33.5 +lon_0=-118 +lat_1=35.4666666666667 +lat_2=34.0333333333333 +x_0=2000000.0001016 +y_0=500000.0001016 ${nad83}`,
  },
  {
    code: 'EPSG:2230',
    title: 'NAD83 / California zone 6 (ftUS)',
    proj4: `+proj=lcc +lat_0=32.1666666666667 +lon_0=-116.25 +lat_1=33.8833333333333 +lat_2=32.7833333333333 +x_0=2000000.0001016 +y_0=500000.0001016 ${nad83}`,
  },
  {
    code: 'EPSG:2276',
    title: 'NAD83 / Texas North Central (ftUS)',
    proj4: `+proj=lcc +lat_0=31.6666666666667 +lon_0=-98.5 +lat_1=33.9666666666667 +lat_2=32.1333333333333 +x_0=600000 +y_0=2000000.0001016 ${nad83}`,
  },
  {
    code: 'EPSG:2277',
    title: 'NAD83 / Texas Central (ftUS)',
    proj4: `+proj=lcc +lat_0=29.6666666666667 +lon_0=-100.333333333333 +lat_1=31.8833333333333 +lat_2=30.1166666666667 +x_0=699999.999898399 +y_0=3000000 ${nad83}`,
  },
  {
    code: 'EPSG:2278',
    title: 'NAD83 / Texas South Central (ftUS)',
    proj4: `+proj=lcc +lat_0=27.8333333333333 +lon_0=-99 +lat_1=30.2833333333333 +lat_2=28.3833333333333 +x_0=600000 +y_0=3999999.9998984 ${nad83}`,
  },
  {
    code: 'EPSG:2249',
    title: 'NAD83 / Massachusetts Mainland (ftUS)',
    proj4: `+proj=lcc +lat_0=41 +lon_0=-71.5 +lat_1=42.6833333333333 +lat_2=41.7166666666667 +x_0=200000.0001016 +y_0=750000 ${nad83}`,
  },
  {
    code: 'EPSG:2272',
    title: 'NAD83 / Pennsylvania South (ftUS)',
    proj4: `+proj=lcc +lat_0=39.3333333333333 +lon_0=-77.75 +lat_1=40.9666666666667 +lat_2=39.9333333333333 +x_0=600000 +y_0=0 ${nad83}`,
  },
  {
    code: 'EPSG:2264',
    title: 'NAD83 / North Carolina (ftUS)',
    proj4: `+proj=lcc +lat_0=33.75 +lon_0=-79 +lat_1=36.1666666666667 +lat_2=34.3333333333333 +x_0=609601.219202438 +y_0=0 ${nad83}`,
  },
  {
    code: 'EPSG:2285',
    title: 'NAD83 / Washington North (ftUS)',
    proj4: `+proj=lcc +lat_0=47 +lon_0=-120.833333333333 +lat_1=48.7333333333333 +lat_2=47.5 +x_0=500000.0001016 +y_0=0 ${nad83}`,
  },
];

/** ArcGIS's own ids for Web Mercator (older services answer in these instead of 3857). */
export const aliases: Readonly<Record<string, string>> = {
  'EPSG:102100': 'EPSG:3857',
  'EPSG:102113': 'EPSG:3857',
  'EPSG:900913': 'EPSG:3857',
  'EPSG:4269': 'EPSG:4326', // NAD83 lng/lat: within a metre of WGS84 at city scale
};
