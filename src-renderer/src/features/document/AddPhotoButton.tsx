// Picks a PNG or JPEG from disk and stores it (photos.add); the document then refers to it by hash.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoInfo } from '../../../../src-main/shared/document.ts';
import { errorText } from '../../app/errors.ts';
import { call } from '../../bridge/index.ts';
import { useLocale } from '../../i18n/index.ts';

const MAX_BYTES = 5 * 1024 * 1024;

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });
}

export function AddPhotoButton({ onAdded }: { onAdded(info: PhotoInfo): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const add = async (file: File) => {
    setError(null);
    if (!/^image\/(png|jpeg)$/.test(file.type)) return setError(t('doc.photo.wrongType', { name: file.name }));
    if (file.size > MAX_BYTES) return setError(t('doc.photo.tooBig', { name: file.name }));
    setBusy(true);
    try {
      onAdded(await call('photos.add', { base64: await readBase64(file) }));
    } catch (e) {
      setError(errorText(e, locale));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="add-photo">
      <input
        ref={input}
        id="doc-photo-file"
        data-testid="photo-file"
        type="file"
        accept="image/png,image/jpeg"
        className="visually-hidden"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void add(f);
        }}
      />
      <button type="button" className="add-btn" disabled={busy} onClick={() => input.current?.click()}>
        + {busy ? t('doc.photo.adding') : t('doc.photo.add')}
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
