import { useTranslation } from 'react-i18next';
import { SaveIndicator } from './SaveIndicator.tsx';
import type { SaveState } from './useDocument.ts';

export const FIGURE_SHORTCUT = 'Ctrl+Shift+F / Ctrl+K';

export function DocToolbar({
  title,
  save,
  retrySave,
  resolveStale,
  onFigure,
  onChart,
  onExport,
}: {
  title: string;
  save: SaveState;
  retrySave(): void;
  resolveStale(choice: 'reload' | 'keep'): void;
  onFigure(): void;
  onChart(): void;
  onExport(): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="doc-toolbar" role="toolbar" aria-label={t('doc.toolbar')}>
      <h2 className="doc-heading">{title}</h2>
      <SaveIndicator state={save} retry={retrySave} resolveStale={resolveStale} />
      <span className="spacer" />
      <button type="button" data-testid="insert-figure" title={t('doc.figure.buttonTitle', { keys: FIGURE_SHORTCUT })} aria-keyshortcuts="Control+Shift+F Control+K" onClick={onFigure}>
        {t('doc.figure.button')}
      </button>
      <button type="button" data-testid="insert-chart" title={t('doc.chart.buttonTitle')} onClick={onChart}>
        {t('doc.chart.button')}
      </button>
      <button type="button" className="primary" data-testid="export-docx" onClick={onExport}>
        {t('doc.export.button')}
      </button>
    </div>
  );
}
