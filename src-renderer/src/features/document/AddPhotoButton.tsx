// Picks a PNG or JPEG from disk and stores it (photos.add); the document then refers to it by hash.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoInfo } from '../../../../src-main/shared/document.ts';
import { errorText } from '../../app/errors.ts';
import { readBase64 } from '../../bridge/file-base64.ts';
import { PickFileButton } from '../dialogs/FilePicker.tsx';
import { call } from '../../bridge/index.ts';
import { useLocale } from '../../i18n/index.ts';

const MAX_BYTES = 5 * 1024 * 1024;

export function AddPhotoButton({ onAdded }: { onAdded(info: PhotoInfo): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
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
      <PickFileButton accept="image/png,image/jpeg" onFile={(f) => void add(f)} inputId="doc-photo-file" inputTestId="photo-file" className="add-btn" disabled={busy}>
        + {busy ? t('doc.photo.adding') : t('doc.photo.add')}
      </PickFileButton>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
