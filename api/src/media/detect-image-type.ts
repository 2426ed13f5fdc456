/**
 * What a file really is, from its first bytes (magic numbers), never from the name or the type the
 * client declared. Photos we accept are JPEG, PNG and HEIC/HEIF; for common other files we know a
 * name, so the refusal can say "this file is a PDF".
 */
export type PhotoType = 'jpeg' | 'png' | 'heic';

export type DetectedFile = { kind: 'photo'; type: PhotoType } | { kind: 'other'; name: string | null };

const heicBrands = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);
const videoBrands = new Set(['isom', 'iso2', 'mp41', 'mp42', 'avc1', 'M4V ', 'qt  ', '3gp4', '3gp5']);

const ascii = (bytes: Uint8Array, start: number, end: number) =>
  String.fromCharCode(...bytes.subarray(start, end));
const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

/** Classifies a file by its content. */
export function detectFileType(bytes: Uint8Array): DetectedFile {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'photo', type: 'jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: 'photo', type: 'png' };
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp') return isoMediaType(bytes);
  return { kind: 'other', name: otherFileName(bytes) };
}

/** HEIC/HEIF, or an AVIF image or a video, which share the ISO media container. */
function isoMediaType(bytes: Uint8Array): DetectedFile {
  const boxSize = Math.min(new DataView(bytes.buffer, bytes.byteOffset).getUint32(0), bytes.length, 256);
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(bytes, at, at + 4));
  const major = brands[0]!;
  if (major === 'avif' || major === 'avis') return { kind: 'other', name: 'an AVIF image' };
  if (brands.some((brand) => heicBrands.has(brand))) return { kind: 'photo', type: 'heic' };
  if (videoBrands.has(major)) return { kind: 'other', name: 'a video' };
  return { kind: 'other', name: null };
}

function otherFileName(bytes: Uint8Array): string | null {
  const head = ascii(bytes, 0, Math.min(bytes.length, 64));
  if (head.startsWith('%PDF')) return 'a PDF';
  if (head.startsWith('GIF8')) return 'a GIF';
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return 'a WebP image';
  if (head.startsWith('II*\0') || head.startsWith('MM\0*')) return 'a TIFF image';
  if (head.startsWith('BM')) return 'a BMP image';
  if (head.startsWith('PK\x03\x04')) return 'a ZIP archive or Office document';
  if (/^\s*<(\?xml|svg|!doctype|html)/i.test(head)) return 'an SVG or web page (text)';
  return null;
}
