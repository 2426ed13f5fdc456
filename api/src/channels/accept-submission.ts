/**
 * What happens to a submission from any channel: store its photos, run intake, attach the photos to
 * the new request and answer the resident — a receipt, or every problem at once. A refused
 * submission leaves nothing behind (its photos are discarded).
 */
import { intakeErrors, type FieldError } from '@civicdesk/schemas';
import type { Geocoder } from '../geo/index.js';
import type { PrismaClient } from '../db/generated/client.js';
import { submitRequest } from '../intake/submit-request.js';
import type { MediaSettings } from '../media/media-settings.js';
import { attachMediaToRequest, discardMedia, storeUploadedMedia } from '../media/store-uploaded-media.js';
import type { ChannelReplies, ChannelSubmission, ReplyContext } from './channel.port.js';
import type { CatalogueService } from './service-catalogue.js';

export interface ChannelApp {
  db: PrismaClient;
  now: () => Date;
  publicUrl: string;
  /** Without media settings, photos are ignored. */
  media?: MediaSettings;
  /** A hosted geocoder for addresses; the city's address points without it. */
  geocoder?: Geocoder | undefined;
  /** The resident's tracking page for a request. */
  trackingUrl(requestId: string, token: string): string;
}

export type SubmissionOutcome =
  { ok: true; requestId: string; mediaIds: string[] } | { ok: false; errors: FieldError[] };

/** The default tracking page: `<publicUrl>/track/<id>?token=<token>`. */
export function defaultTrackingUrl(publicUrl: string) {
  return (requestId: string, token: string) =>
    `${publicUrl.replace(/\/+$/, '')}/track/${requestId}?token=${encodeURIComponent(token)}`;
}

/** Runs one submission through intake and answers the resident through the channel's replies. */
export async function acceptSubmission<Address>(
  app: ChannelApp,
  jurisdictionId: string,
  submission: ChannelSubmission<Address>,
  catalogue: readonly CatalogueService[],
  replies: ChannelReplies<Address>,
  context: ReplyContext = {},
): Promise<SubmissionOutcome> {
  const refuse = async (errors: FieldError[]): Promise<SubmissionOutcome> => {
    await replySafely(() => replies.sendProblems(submission.replyTo, errors, catalogue, context));
    return { ok: false, errors };
  };

  const { mediaIds, urls, errors: photoErrors } = await storePhotos(app, jurisdictionId, submission.photos);
  if (photoErrors.length > 0) {
    if (app.media) await discardMedia({ db: app.db, media: app.media }, mediaIds);
    const service = catalogue.find((s) => s.code === submission.input['service_code']);
    return refuse([...intakeErrors(submission.input, service?.attributes), ...photoErrors]);
  }

  const input =
    urls[0] && !submission.input['media_url']
      ? { ...submission.input, media_url: urls[0] }
      : submission.input;
  const result = await submitRequest(app.db, jurisdictionId, input, app.now(), { geocoder: app.geocoder });
  if (!result.ok) {
    if (app.media) await discardMedia({ db: app.db, media: app.media }, mediaIds);
    return refuse(result.errors);
  }

  const { request } = result;
  await attachMediaToRequest(app.db, mediaIds, request.id, jurisdictionId);
  const service = catalogue.find((s) => s.code === input['service_code']);
  await replySafely(() =>
    replies.sendReceipt(
      submission.replyTo,
      {
        requestId: request.id,
        trackingUrl: app.trackingUrl(request.id, request.token),
        serviceName: service?.name ?? String(input['service_code']),
        serviceNotice: request.serviceNotice,
        expectedAt: request.expectedAt,
      },
      context,
    ),
  );
  return { ok: true, requestId: request.id, mediaIds };
}

async function storePhotos(app: ChannelApp, jurisdictionId: string, photos: readonly File[]) {
  const mediaIds: string[] = [];
  const urls: string[] = [];
  const errors: FieldError[] = [];
  if (!app.media) return { mediaIds, urls, errors };
  const mediaApp = { db: app.db, now: app.now, config: { publicUrl: app.publicUrl }, media: app.media };
  for (const photo of photos) {
    const stored = await storeUploadedMedia(mediaApp, photo, jurisdictionId);
    if ('errors' in stored) {
      errors.push(
        ...stored.errors.map((e) => (photo.name ? { ...e, message: `${e.message} (${photo.name})` } : e)),
      );
    } else {
      mediaIds.push(stored.id);
      urls.push(stored.url);
    }
  }
  return { mediaIds, urls, errors };
}

// The request is stored whatever happens to the answer; a failed reply must not make the channel
// report a failure (the resident would send again and create a duplicate).
async function replySafely(send: () => Promise<void>) {
  try {
    await send();
  } catch (error) {
    console.error('Could not send a channel reply:', error);
  }
}
