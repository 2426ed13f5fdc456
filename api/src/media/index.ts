/** @civicdesk/api/media: photo upload, processing, storage and serving. */
export { mediaRoutes } from './routes.js';
export {
  storeUploadedMedia,
  attachMediaToRequest,
  discardMedia,
  deleteAbandonedMedia,
  mediaUrl,
  type MediaApp,
  type StoredMedia,
  type UploadRefused,
} from './store-uploaded-media.js';
export { MediaStoreFullError, isNoRoomError } from './media-store-full.js';
export { processUpload, defaultMaxBytes, type ProcessedUpload, type UploadLimits } from './process-upload.js';
export { detectFileType, type DetectedFile, type PhotoType } from './detect-image-type.js';
export {
  createMediaSettings,
  mediaConfigSchema,
  type MediaConfig,
  type MediaSettings,
} from './media-settings.js';
export type { MediaStore } from './media-store.port.js';
export { diskMediaStore } from './disk-media-store.js';
export { s3MediaStore, type S3MediaStoreOptions } from './s3-media-store.js';
export { mediaKey, parseMediaKey, type MediaKey } from './media-key.js';
