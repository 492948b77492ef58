import { useTranslation } from 'react-i18next';
import type { HistoryState } from '../../../../src-main/shared/model.ts';

export function HistoryButtons({ history, onUndo, onRedo }: { history: HistoryState; onUndo(): void; onRedo(): void }) {
  const { t } = useTranslation();
  return (
    <div className="history">
      <button
        type="button"
        data-testid="undo"
        disabled={!history.canUndo}
        title={history.undoLabel ? t('top.undoTitle', { label: history.undoLabel }) : t('top.nothingToUndo')}
        onClick={onUndo}
      >
        ↶ {t('top.undo')}
      </button>
      <button
        type="button"
        data-testid="redo"
        disabled={!history.canRedo}
        title={history.redoLabel ? t('top.redoTitle', { label: history.redoLabel }) : t('top.nothingToRedo')}
        onClick={onRedo}
      >
        ↷ {t('top.redo')}
      </button>
    </div>
  );
}
