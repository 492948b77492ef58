import { useTranslation } from 'react-i18next';

/** Move up / move down / remove buttons of a paragraph, section or photo, named for screen readers. */
export function ItemTools({ what, index, count, onMove, onRemove }: { what: string; index: number; count: number; onMove(by: -1 | 1): void; onRemove(): void }) {
  const { t } = useTranslation();
  return (
    <div className="item-tools">
      <button type="button" className="icon-btn" disabled={index === 0} aria-label={t('doc.tools.up', { what })} title={t('doc.tools.up', { what })} onClick={() => onMove(-1)}>
        ↑
      </button>
      <button type="button" className="icon-btn" disabled={index >= count - 1} aria-label={t('doc.tools.down', { what })} title={t('doc.tools.down', { what })} onClick={() => onMove(1)}>
        ↓
      </button>
      <button type="button" className="icon-btn danger" aria-label={t('doc.tools.remove', { what })} title={t('doc.tools.remove', { what })} onClick={onRemove}>
        ×
      </button>
    </div>
  );
}
