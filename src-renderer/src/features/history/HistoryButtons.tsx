import { useTranslation } from 'react-i18next';
import { localizeHistoryLabel } from '../../../../src-main/shared/history-labels.ts';
import type { HistoryState } from '../../../../src-main/shared/model.ts';
import { useLocale } from '../../i18n/index.ts';

export function HistoryButtons({ history, onUndo, onRedo }: { history: HistoryState; onUndo(): void; onRedo(): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // The store keeps each step's name in Chinese (the change log is the audit trail); shown in the user's language.
  const label = (l: string) => localizeHistoryLabel(l, locale);
  return (
    <div className="history">
      <button
        type="button"
        data-testid="undo"
        disabled={!history.canUndo}
        title={history.undoLabel ? t('top.undoTitle', { label: label(history.undoLabel) }) : t('top.nothingToUndo')}
        aria-label={t('top.undo')}
        onClick={onUndo}
      >
        ↶<span className="history-word"> {t('top.undo')}</span>
      </button>
      <button
        type="button"
        data-testid="redo"
        disabled={!history.canRedo}
        title={history.redoLabel ? t('top.redoTitle', { label: label(history.redoLabel) }) : t('top.nothingToRedo')}
        aria-label={t('top.redo')}
        onClick={onRedo}
      >
        ↷<span className="history-word"> {t('top.redo')}</span>
      </button>
    </div>
  );
}
