/**
 * HEIC decoding. sharp's prebuilt libvips reads HEIF containers (size, EXIF) but ships no HEVC
 * decoder, so the pixels come from libheif compiled to WebAssembly (heic-decode, pure JS, no native
 * build). heic-decode has no type declarations; its one function is typed here.
 */
import { createRequire } from 'node:module';

export interface DecodedHeic {
  width: number;
  height: number;
  /** RGBA, 8 bits per channel, HEIF's rotation and mirroring already applied. */
  data: Uint8ClampedArray;
}

const decode = createRequire(import.meta.url)('heic-decode') as (input: {
  buffer: Uint8Array;
}) => Promise<DecodedHeic>;

/** Decodes the primary image of a HEIC/HEIF file. */
export function decodeHeic(bytes: Uint8Array): Promise<DecodedHeic> {
  return decode({ buffer: bytes });
}
