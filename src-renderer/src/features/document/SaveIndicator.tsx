import { useTranslation } from 'react-i18next';
import { errorText, isOffline } from '../../app/errors.ts';
import { useLocale } from '../../i18n/index.ts';
import type { SaveState } from './useDocument.ts';

/** 已保存 / 保存中… / 保存失败 (with the reason and a retry). */
export function SaveIndicator({ state, retry }: { state: SaveState; retry(): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (state.status === 'failed') {
    const reason = isOffline(state.error) ? t('errors.offline') : errorText(state.error, locale);
    return (
      <span className="save-state failed" data-testid="doc-save-state" data-state="failed" role="alert">
        {t('doc.save.failed')}：{reason}
        <button type="button" className="link" onClick={retry}>
          {t('errors.retry')}
        </button>
      </span>
    );
  }
  const text = state.status === 'saving' || state.status === 'pending' ? t('doc.save.saving') : state.status === 'saved' ? t('doc.save.saved') : t('doc.save.idle');
  return (
    <span className={`save-state ${state.status}`} data-testid="doc-save-state" data-state={state.status} role="status">
      {text}
    </span>
  );
}
