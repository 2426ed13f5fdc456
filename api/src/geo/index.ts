/** Geo: coordinate conversion, geocoder adapters, boundary and area lookup for request locations. */
export {
  createLocator,
  type Locator,
  type LocatorOptions,
  type LocateInput,
  type LocateResult,
  type NormalisedRequestLocation,
} from './locator.js';
export {
  loadJurisdictionLocator,
  invalidateJurisdictionLocator,
  buildJurisdictionLocator,
  type JurisdictionLocatorOptions,
} from './load-locator.js';
export { importGeoFolder, type GeoImportSummary } from './import-geo-folder.js';
export { readGeoFolder, type GeoFiles } from './geo-files.js';
export { parseSpatialReference, toWgs84, fromWgs84, supportedSpatialReferences } from './projections.js';
export { createAreaIndex, areaKinds, type Area, type AreaKind } from './area-index.js';
export { haversineMetres } from './haversine.js';
export * from './geocoders/geocoder.js';
export { createGoogleGeocoder } from './geocoders/google.js';
export { createArcgisGeocoder } from './geocoders/arcgis.js';
export { createOfflineGeocoder, type OfflineGeocoder, type AddressPointRecord } from './geocoders/offline.js';
