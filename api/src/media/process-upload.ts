/**
 * Turns an uploaded file into the photo we store: checks size and real type (magic bytes), reads the
 * EXIF location and capture time, converts HEIC to JPEG, strips every piece of metadata from the
 * stored image (applying the camera's orientation first) and makes a thumbnail.
 */
import type { FieldError } from '@civicdesk/schemas';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { decodeHeic } from './decode-heic.js';
import { detectFileType, type PhotoType } from './detect-image-type.js';
import { readExifFacts, type ExifFacts } from './exif-facts.js';
import { uploadMessages as say } from './upload-messages.js';

export interface UploadLimits {
  /** Largest accepted file, in bytes (default 10 MB). */
  maxBytes: number;
  /** Largest accepted image, in pixels, to refuse decompression bombs (default 50 megapixels). */
  maxPixels?: number;
  /** Longest side of the thumbnail (default 320). */
  thumbnailSize?: number;
  /** IANA zone for EXIF capture times without an offset: the jurisdiction's. */
  timeZone: string;
}

export const defaultMaxBytes = 10_000_000;

export interface ProcessedPhoto extends ExifFacts {
  sourceType: PhotoType;
  image: Uint8Array;
  contentType: 'image/jpeg' | 'image/png';
  extension: 'jpg' | 'png';
  width: number;
  height: number;
  /** Always JPEG. */
  thumbnail: Uint8Array;
  /** The client's file name, cleaned for display; never used to build a path. */
  originalName: string | null;
}

export type ProcessedUpload = { ok: true; photo: ProcessedPhoto } | { ok: false; errors: FieldError[] };

const refuse = (message: string): ProcessedUpload => ({ ok: false, errors: [{ field: 'media', message }] });
const typeNames: Record<PhotoType, string> = { jpeg: 'JPEG', png: 'PNG', heic: 'HEIC photo' };

/**
 * Validates and processes one upload. `declaredType` (the client's Content-Type) is not trusted: the
 * bytes decide. Errors name the field `media` and say what to attach instead.
 */
export async function processUpload(
  bytes: Uint8Array,
  declaredName: string | null | undefined,
  _declaredType: string | null | undefined,
  limits: UploadLimits,
): Promise<ProcessedUpload> {
  if (bytes.length === 0) return refuse(say.empty);
  if (bytes.length > limits.maxBytes) return refuse(say.tooLarge(bytes.length, limits.maxBytes));
  const detected = detectFileType(bytes);
  if (detected.kind === 'other') return refuse(say.notAPhoto(detected.name));
  const type = detected.type;

  let metadata: Metadata;
  try {
    metadata = await sharp(bytes).metadata();
  } catch {
    return refuse(say.unreadable(typeNames[type]));
  }
  const { width = 0, height = 0 } = metadata;
  if (width * height > (limits.maxPixels ?? 50_000_000)) return refuse(say.tooManyPixels(width, height));

  try {
    const facts = await readExifFacts(metadata.exif, limits.timeZone);
    const oriented = await decodeOriented(bytes, type);
    // sharp writes no metadata unless asked to (withMetadata/keepExif), so the output is clean.
    const stored =
      type === 'png'
        ? await oriented.png().toBuffer({ resolveWithObject: true })
        : await oriented.jpeg({ quality: 85 }).toBuffer({ resolveWithObject: true });
    const size = limits.thumbnailSize ?? 320;
    const thumbnail = await sharp(stored.data)
      .resize(size, size, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 75 })
      .toBuffer();
    return {
      ok: true,
      photo: {
        ...facts,
        sourceType: type,
        image: new Uint8Array(stored.data),
        contentType: type === 'png' ? 'image/png' : 'image/jpeg',
        extension: type === 'png' ? 'png' : 'jpg',
        width: stored.info.width,
        height: stored.info.height,
        thumbnail: new Uint8Array(thumbnail),
        originalName: displayName(declaredName),
      },
    };
  } catch {
    return refuse(say.unreadable(typeNames[type]));
  }
}

/** The pixels, upright: sharp applies the EXIF orientation; libheif applies HEIF's own rotation. */
async function decodeOriented(bytes: Uint8Array, type: PhotoType): Promise<Sharp> {
  if (type !== 'heic') return sharp(bytes).rotate();
  const decoded = await decodeHeic(bytes);
  return sharp(Buffer.from(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength), {
    raw: { width: decoded.width, height: decoded.height, channels: 4 },
  }).removeAlpha();
}

/** The last path segment of a client file name, without control characters, at most 200 characters. */
function displayName(name: string | null | undefined): string | null {
  if (!name) return null;
  // eslint-disable-next-line no-control-regex
  const clean = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean === '' ? null : Array.from(clean).slice(0, 200).join('');
}
