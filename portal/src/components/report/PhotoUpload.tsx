/** Step four: an optional photo, uploaded at once so the resident sees its thumbnail before sending. */
import { useEffect, useRef } from 'react';
import { usePhotoUpload } from '../../hooks/use-photo-upload.js';
import { useI18n } from '../../i18n/use-i18n.js';
import { fieldId, hintId } from '../../model/field-id.js';
import { FieldMessages, fieldAria } from './FieldMessages.js';

interface Props {
  /** Called with the photo's absolute URL (or '' when removed). */
  onUrl(url: string): void;
  onLocation(point: { lat: number; long: number }): void;
  messages: readonly string[] | undefined;
}

export function PhotoUpload({ onUrl, onLocation, messages }: Props) {
  const { t } = useI18n();
  const { photo, upload, clear } = usePhotoUpload();
  const input = useRef<HTMLInputElement>(null);
  const media = photo.kind === 'done' ? photo.media : null;
  useEffect(() => {
    onUrl(media ? new URL(media.url, window.location.origin).href : '');
  }, [media, onUrl]);
  const shown = [
    ...(photo.kind === 'failed' ? (photo.messages.length ? photo.messages : [t('report.photo.failed')]) : []),
    ...(messages ?? []),
  ];
  const remove = () => {
    clear();
    if (input.current) input.current.value = '';
  };
  return (
    <div className="field photo">
      <label htmlFor={fieldId('media_url')}>{t('report.photo.label')}</label>
      <p id={hintId('media_url')} className="hint">
        {t('report.photo.hint')}
      </p>
      <input
        ref={input}
        id={fieldId('media_url')}
        type="file"
        accept="image/jpeg,image/png,image/heic,image/heif"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void upload(file);
        }}
        {...fieldAria('media_url', true, shown)}
      />
      <p role="status" className="notice">
        {photo.kind === 'uploading'
          ? t('report.photo.uploading')
          : photo.kind === 'done'
            ? t('report.photo.done')
            : ''}
      </p>
      {media && (
        <div className="thumbnail">
          <img src={media.thumbnail_url} alt={t('report.photo.alt')} />
          <div className="thumbnail-actions">
            {media.exif_location && (
              <button type="button" className="secondary" onClick={() => onLocation(media.exif_location!)}>
                {t('report.photo.useLocation')}
              </button>
            )}
            <button type="button" className="secondary" onClick={remove}>
              {t('report.photo.remove')}
            </button>
          </div>
        </div>
      )}
      <FieldMessages field="media_url" messages={shown} />
    </div>
  );
}
