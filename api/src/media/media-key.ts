/**
 * Storage keys for photos. A key is built only from a server-made uuid, a variant and a fixed
 * extension, and every store re-checks it against one strict pattern, so a client's file name can
 * never reach a path or an object name (`../../etc/passwd`, `/abs`, NUL bytes cannot match).
 */
declare const mediaKeyBrand: unique symbol;

/** A key that passed the pattern; only `mediaKey` and `parseMediaKey` make one. */
export type MediaKey = string & { readonly [mediaKeyBrand]: true };

export type MediaVariant = 'original' | 'thumbnail';
export type MediaExtension = 'jpg' | 'png';

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const keyPattern = new RegExp(`^(${uuid})(-thumb)?\\.(jpg|png)$`);

/** The key of one stored variant of a photo: `<id>.jpg`, `<id>.png` or `<id>-thumb.jpg`. */
export function mediaKey(id: string, variant: MediaVariant, extension: MediaExtension): MediaKey {
  const key = variant === 'thumbnail' ? `${id}-thumb.jpg` : `${id}.${extension}`;
  const parsed = parseMediaKey(key);
  if (!parsed) throw new Error(`Not a media id: ${JSON.stringify(id)}`);
  return parsed;
}

/** The key named by untrusted text (a URL segment), or null when it is not a well-formed key. */
export function parseMediaKey(text: string): MediaKey | null {
  return keyPattern.test(text) ? (text as MediaKey) : null;
}

/** The content type a key is served with. */
export function contentTypeOfKey(key: MediaKey): 'image/jpeg' | 'image/png' {
  return key.endsWith('.png') ? 'image/png' : 'image/jpeg';
}

/**
 * The photo id behind a `media_url` this API handed out (`…/media/<id>.jpg`), so a report that names
 * an uploaded photo gets it attached; null for any other URL (a photo hosted elsewhere).
 */
export function mediaIdInUrl(url: string): string | null {
  const match = /\/media\/([^/?#]+)(?:[?#].*)?$/.exec(url);
  const key = match ? parseMediaKey(match[1]!) : null;
  return key && !key.includes('-thumb') ? key.slice(0, key.lastIndexOf('.')) : null;
}
