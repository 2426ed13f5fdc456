/**
 * Photo upload and serving over HTTP: `POST /media` (multipart field `media`) stores a photo and
 * answers its URLs (507 with a message when the store is full); `GET /media/:file` serves `<id>.jpg`, `<id>.png` or `<id>-thumb.jpg`. Mount the
 * router at the root (`http.route('/', mediaRoutes(app))`).
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { resolveJurisdiction } from '../open311/jurisdiction.js';
import { contentTypeOfKey, parseMediaKey } from './media-key.js';
import { storeUploadedMedia, type MediaApp } from './store-uploaded-media.js';
import { uploadMessages as say } from './upload-messages.js';

// Multipart framing and the other form fields on top of the photo itself.
const formOverheadBytes = 64 * 1024;

/** Builds the media router. */
export function mediaRoutes(app: MediaApp): Hono {
  const r = new Hono();

  r.post(
    '/media',
    bodyLimit({
      maxSize: app.media.maxBytes + formOverheadBytes,
      onError: (c) => {
        const declared = Number(c.req.header('content-length') ?? app.media.maxBytes + 1);
        return c.json(
          { errors: [{ field: 'media', message: say.tooLarge(declared, app.media.maxBytes) }] },
          413,
        );
      },
    }),
    async (c) => {
      const form = await c.req.parseBody({ all: true }).catch(() => null);
      const field = form?.['media'];
      if (Array.isArray(field))
        return c.json({ errors: [{ field: 'media', message: say.severalFiles }] }, 400);
      if (!(field instanceof File))
        return c.json({ errors: [{ field: 'media', message: say.missing }] }, 400);
      const requested = c.req.query('jurisdiction_id') ?? textField(form?.['jurisdiction_id']);
      const jurisdiction = await resolveJurisdiction(app.db, requested);
      if (!jurisdiction.ok)
        return c.json(
          { errors: [{ field: 'jurisdiction_id', message: jurisdiction.message }] },
          jurisdiction.status,
        );
      const stored = await storeUploadedMedia(app, field, jurisdiction.id);
      if ('errors' in stored) return c.json({ errors: stored.errors }, stored.status ?? 400);
      return c.json(stored, 201);
    },
  );

  r.get('/media/:file', async (c) => {
    const key = parseMediaKey(c.req.param('file'));
    const notFound = () => c.json({ errors: [{ field: 'file', message: 'There is no such photo.' }] }, 404);
    if (!key) return notFound();
    const row = await app.db.media.findFirst({
      where: { OR: [{ storageKey: key }, { thumbnailKey: key }] },
      select: { id: true },
    });
    if (!row) return notFound();
    const etag = `"${key}"`;
    const headers = {
      'Cache-Control': 'public, max-age=31536000, immutable',
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
    };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    const bytes = await app.media.store.get(key);
    if (!bytes) return notFound();
    return c.body(new Uint8Array(bytes), 200, {
      ...headers,
      'Content-Type': contentTypeOfKey(key),
      'Content-Length': String(bytes.length),
    });
  });

  return r;
}

const textField = (value: unknown) => (typeof value === 'string' ? value : undefined);
