/** Uploads the chosen photo to `POST /media` and keeps its URLs, or the server's messages. */
import { useCallback, useState } from 'react';
import { uploadMedia, type UploadedMedia } from '../api/upload-media.js';

export type PhotoState =
  | { kind: 'none' }
  | { kind: 'uploading' }
  | { kind: 'done'; media: UploadedMedia }
  | { kind: 'failed'; messages: string[] };

export function usePhotoUpload() {
  const [photo, setPhoto] = useState<PhotoState>({ kind: 'none' });
  const upload = useCallback(async (file: File) => {
    setPhoto({ kind: 'uploading' });
    try {
      const result = await uploadMedia(file);
      setPhoto(
        result.ok
          ? { kind: 'done', media: result.media }
          : { kind: 'failed', messages: result.errors.map((e) => e.message) },
      );
    } catch {
      setPhoto({ kind: 'failed', messages: [] });
    }
  }, []);
  const clear = useCallback(() => setPhoto({ kind: 'none' }), []);
  return { photo, upload, clear };
}
