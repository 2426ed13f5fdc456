/**
 * Residents reporting with photos, as the two real paths send them: the portal uploads to
 * `POST /media` first and files the report with the photo's URL (when the upload is refused, the
 * resident follows the message and sends the report without it); an Open311 app sends the photo in
 * the same multipart POST as the report. Every upload's answer is recorded for the drill's counts.
 */
import sharp from 'sharp';
import type { CrashPlatform } from './crash-platform.js';
import { open311RequestId, potholeFields } from './drill-requests.js';
import { ANSWER_TIMEOUT_MS, sendArrival, type Arrival } from './steady-load.js';

export interface UploadAnswer {
  via: 'portal' | 'open311';
  /** HTTP status; 0 when there was no answer. */
  status: number;
  message: string;
  /** What the drill was doing when the upload was sent, e.g. 'full'. */
  phase: string;
}

/** A real JPEG of noise: it compresses badly, so each photo takes real room on the disk. */
export async function makePhoto(width = 400, height = 300): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  let x = 2463534242;
  for (let i = 0; i < pixels.length; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    pixels[i] = x & 0xff;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

const photoFile = (photo: Buffer, n: number) =>
  new File([new Uint8Array(photo)], `IMG_${n}.jpg`, { type: 'image/jpeg' });

/** Uploads one photo to `POST /media` (as the portal does) and answers the HTTP status. */
export async function uploadPhoto(platform: CrashPlatform, photo: Buffer): Promise<number> {
  const form = new FormData();
  form.set('media', photoFile(photo, 0));
  const response = await fetch(`${platform.baseUrl}/media`, { method: 'POST', body: form });
  await response.body?.cancel();
  return response.status;
}

/** One resident through the portal: upload the photo, then file the report with its URL (or without it). */
export function portalResidentWithPhoto(
  platform: CrashPlatform,
  drill: string,
  photo: Buffer,
  uploads: UploadAnswer[],
  phase: () => string,
) {
  return async (n: number): Promise<Arrival> => {
    const description = `Steady load ${drill}, resident ${n + 1} (portal photo)`;
    const form = new FormData();
    form.set('media', photoFile(photo, n));
    const sentIn = phase();
    let mediaUrl: string | null = null;
    try {
      const response = await fetch(`${platform.baseUrl}/media`, {
        method: 'POST',
        body: form,
        signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
      });
      const text = await response.text();
      uploads.push({ via: 'portal', status: response.status, message: text, phase: sentIn });
      if (response.status === 201) mediaUrl = (JSON.parse(text) as { url: string }).url;
    } catch (error) {
      uploads.push({ via: 'portal', status: 0, message: String(error), phase: sentIn });
    }
    const fields = potholeFields(description, n);
    if (mediaUrl) fields.push(['media_url', mediaUrl]);
    return sendArrival(
      description,
      (signal) =>
        fetch(`${platform.baseUrl}/open311/v2/requests.json`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(fields).toString(),
          signal,
        }),
      open311RequestId,
    );
  };
}

/** One report from an Open311 app with the photo in the same multipart POST. */
export function appReportWithPhoto(
  platform: CrashPlatform,
  drill: string,
  photo: Buffer,
  uploads: UploadAnswer[],
  phase: () => string,
) {
  return async (n: number): Promise<Arrival> => {
    const description = `Steady load ${drill}, resident ${n + 1} (Open311 photo)`;
    const form = new FormData();
    for (const [k, v] of potholeFields(description, n)) form.append(k, v);
    form.set('media', photoFile(photo, n));
    const sentIn = phase();
    const arrival = await sendArrival(
      description,
      (signal) =>
        fetch(`${platform.baseUrl}/open311/v2/requests.json`, { method: 'POST', body: form, signal }),
      open311RequestId,
    );
    uploads.push({
      via: 'open311',
      status: arrival.kind === 'rejected' ? arrival.status : arrival.kind === 'accepted' ? 200 : 0,
      message:
        arrival.kind === 'rejected' ? arrival.message : arrival.kind === 'no_answer' ? arrival.error : '',
      phase: sentIn,
    });
    return arrival;
  };
}
