// Real photos made with sharp for the media tests: a gradient, optionally with EXIF GPS and time.
import sharp from 'sharp';

export interface TestPhotoOptions {
  width?: number;
  height?: number;
  format?: 'jpeg' | 'png';
  /** Decimal degrees written as EXIF GPS rationals. */
  gps?: { lat: number; long: number };
  /** EXIF DateTimeOriginal, e.g. '2026:07:04 09:15:00'. */
  takenAt?: string;
  /** EXIF orientation tag (6 = the camera was turned 90°). */
  orientation?: number;
}

const rational = (degrees: number) => {
  const abs = Math.abs(degrees);
  const d = Math.floor(abs);
  const m = Math.floor((abs - d) * 60);
  const s = Math.round(((abs - d) * 60 - m) * 60 * 10_000);
  return `${d}/1 ${m}/1 ${s}/10000`;
};

/** A photo with the given size, format and EXIF. */
export async function makeTestPhoto(options: TestPhotoOptions = {}): Promise<Buffer> {
  const { width = 640, height = 480, format = 'jpeg' } = options;
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i += 3) {
    const x = (i / 3) % width;
    pixels[i] = (x * 255) / width;
    pixels[i + 1] = 90;
    pixels[i + 2] = 160;
  }
  let image = sharp(pixels, { raw: { width, height, channels: 3 } });
  if (format === 'png') return image.png().toBuffer();
  image = image.jpeg({ quality: 90 });
  const exif: Record<string, Record<string, string>> = { IFD0: { Make: 'CivicDesk', Model: 'Test camera' } };
  if (options.takenAt) exif.IFD2 = { DateTimeOriginal: options.takenAt };
  if (options.gps)
    exif.IFD3 = {
      GPSLatitudeRef: options.gps.lat < 0 ? 'S' : 'N',
      GPSLatitude: rational(options.gps.lat),
      GPSLongitudeRef: options.gps.long < 0 ? 'W' : 'E',
      GPSLongitude: rational(options.gps.long),
    };
  image = image.withExif(exif);
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  return image.toBuffer();
}
