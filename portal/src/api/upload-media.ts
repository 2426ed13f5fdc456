/** Photo upload: `POST /media` with multipart field `media`. */
import type { FieldError } from '@civicdesk/schemas';

export interface UploadedMedia {
  id: string;
  url: string;
  thumbnail_url: string;
  exif_location?: { lat: number; long: number } | null;
}

export type UploadResult = { ok: true; media: UploadedMedia } | { ok: false; errors: FieldError[] };

/** Uploads one photo; answers its URLs or the server's per-field messages. */
export async function uploadMedia(file: File): Promise<UploadResult> {
  const body = new FormData();
  body.append('media', file);
  const response = await fetch('/media', { method: 'POST', body });
  const answer = (await response.json().catch(() => null)) as
    (UploadedMedia & { errors?: FieldError[] }) | null;
  if (response.ok && answer) return { ok: true, media: answer };
  return { ok: false, errors: answer?.errors ?? [] };
}
