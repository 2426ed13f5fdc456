/** The words of every photo upload error, all naming the form field `media`. */

const megabytes = (bytes: number) =>
  bytes >= 1_000_000
    ? `${(bytes / 1_000_000).toFixed(1).replace(/\.0$/, '')} MB`
    : `${Math.ceil(bytes / 1000)} kB`;

export const uploadMessages = {
  missing: 'media: attach a photo (JPEG, PNG or HEIC) in the form field named media',
  severalFiles: 'media: attach one photo per upload; send the others in separate uploads',
  empty: 'media: the file is empty; attach a JPEG, PNG or HEIC photo',
  tooLarge: (size: number, limit: number) =>
    `media: the photo is ${megabytes(size)}; the limit is ${megabytes(limit)}. Attach a smaller photo (most phones can share a smaller size)`,
  notAPhoto: (name: string | null) =>
    `media: this file is ${name ?? 'not a photo we can read'}; attach a JPEG, PNG or HEIC photo`,
  tooManyPixels: (width: number, height: number) =>
    `media: the photo is ${width} × ${height} pixels, too large to process; attach a smaller photo`,
  unreadable: (type: string) =>
    `media: this ${type} could not be read; it may be damaged. Take or export the photo again`,
  storeFull:
    'media: we cannot store photos right now because our photo storage is full; send your report without the photo, or try again later',
} as const;
