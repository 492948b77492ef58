// One photo of the document: thumbnail, caption (may hold figures), credit, where it stands, its width
// and placement in the magazine (in the text, or at the top of its column or page).
import { useTranslation } from 'react-i18next';
import type { DocumentBody, PhotoPlace, PhotoRef } from '../../../../src-main/shared/document.ts';
import { updatePhoto } from './bodyOps.ts';
import { setFieldText } from './fields.ts';
import { TextField } from './TextField.tsx';
import { usePhotoUrl } from './usePhotoUrl.ts';

export interface PhotoCardProps {
  index: number;
  photo: PhotoRef;
  sections: readonly { heading: string }[];
  update(f: (b: DocumentBody) => DocumentBody): void;
  remove(): void;
}

export function PhotoCard({ index, photo, sections, update, remove }: PhotoCardProps) {
  const { t } = useTranslation();
  const { url, failed } = usePhotoUrl(photo.photo);
  const addr = { field: 'caption' as const, section: index };
  const what = t('doc.photo.name', { n: index + 1 });
  return (
    <div className="photo-card" data-testid={`photo-${index}`} role="group" aria-label={what}>
      <div className="photo-thumb">{url ? <img src={url} alt={photo.caption || what} /> : <span className="muted">{failed ? t('doc.photo.missing') : '…'}</span>}</div>
      <div className="photo-fields">
        <TextField addr={addr} label={t('doc.photo.caption')} value={photo.caption} maxLength={300} onChange={(v) => update((b) => setFieldText(b, addr, v))} />
        <div className="field-row">
          <label className="field">
            <span>{t('doc.photo.credit')}</span>
            <input value={photo.credit} maxLength={100} placeholder={t('doc.photo.creditPlaceholder')} onChange={(e) => update((b) => updatePhoto(b, index, { credit: e.target.value }))} />
          </label>
          <label className="field">
            <span>{t('doc.photo.position')}</span>
            <select value={Math.min(photo.afterSection, sections.length - 1)} onChange={(e) => update((b) => updatePhoto(b, index, { afterSection: Number(e.target.value) }))}>
              <option value={-1}>{t('doc.photo.afterLead')}</option>
              {sections.map((s, i) => (
                <option key={i} value={i}>
                  {t('doc.photo.afterSection', { n: i + 1, heading: s.heading.slice(0, 16) })}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('doc.photo.span')}</span>
            <select data-testid={`photo-${index}-span`} value={photo.span ?? 'column'} onChange={(e) => update((b) => updatePhoto(b, index, { span: e.target.value as 'column' | 'full' }))}>
              <option value="column">{t('doc.photo.spanColumn')}</option>
              <option value="full">{t('doc.photo.spanFull')}</option>
            </select>
          </label>
          <label className="field">
            <span>{t('doc.photo.place')}</span>
            <select data-testid={`photo-${index}-place`} value={photo.place ?? 'flow'} onChange={(e) => update((b) => updatePhoto(b, index, { place: e.target.value as PhotoPlace }))}>
              <option value="flow">{t('doc.photo.placeFlow')}</option>
              <option value="top">{t(photo.span === 'full' ? 'doc.photo.placeTopPage' : 'doc.photo.placeTopColumn')}</option>
              {/* A photo across both columns has no column foot: it stands in the text (magazine-place.ts). */}
              {photo.span === 'full' ? null : <option value="foot">{t('doc.photo.placeFootColumn')}</option>}
            </select>
          </label>
        </div>
      </div>
      <button type="button" className="icon-btn danger" aria-label={t('doc.tools.remove', { what })} title={t('doc.tools.remove', { what })} onClick={remove}>
        ×
      </button>
    </div>
  );
}
