/**
 * Where photo bytes live. The API needs only these three operations, so a city can keep photos in a
 * folder (`diskMediaStore`) or in any S3-compatible bucket without touching the rest of the code.
 * @see ./media-store.decision-log.md
 */
import type { MediaKey } from './media-key.js';

export interface MediaStore {
  /** Stores the bytes under the key, replacing nothing: keys are unique per photo. */
  put(key: MediaKey, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The stored bytes, or null when nothing is stored under the key. */
  get(key: MediaKey): Promise<Uint8Array | null>;
  /** Removes the bytes; removing a missing key is not an error. */
  delete(key: MediaKey): Promise<void>;
}
