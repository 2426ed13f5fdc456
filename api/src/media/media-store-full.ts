/**
 * The photo store has no room left (disk full, quota reached, file size limit). Not the resident's
 * fault and not permanent: the upload is refused with 507 and a message, and works again once an
 * operator frees space.
 */
export class MediaStoreFullError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('The photo store is full', options);
    this.name = 'MediaStoreFullError';
  }
}

// ENOSPC: no space left on the device; EDQUOT: the user's quota is used up; EFBIG: a file size limit.
const NO_ROOM_CODES = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/** True when a file system error says there is no room to write. */
export function isNoRoomError(error: unknown): boolean {
  return NO_ROOM_CODES.has(String((error as NodeJS.ErrnoException | null)?.code));
}
