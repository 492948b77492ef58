import { useTranslation } from 'react-i18next';
import { errorText, isOffline } from '../../app/errors.ts';
import { RpcError } from '../../bridge/index.ts';
import { useLocale } from '../../i18n/index.ts';
import type { SaveState } from './useDocument.ts';

/**
 * 已保存 / 保存中… / 保存失败 (with the reason and a retry). A save refused because another window
 * saved the document meanwhile offers 重新载入 and 保留两份 instead of a retry, which would only be
 * refused again.
 */
export function SaveIndicator({ state, retry, resolveStale }: { state: SaveState; retry(): void; resolveStale(choice: 'reload' | 'keep'): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (state.status === 'failed' && state.error instanceof RpcError && state.error.body.code === 'DOCUMENT_STALE') {
    return (
      <span className="save-state failed" data-testid="doc-save-state" data-state="stale" role="alert">
        {errorText(state.error, locale)}
        <button type="button" className="link" data-testid="doc-stale-reload" onClick={() => resolveStale('reload')}>
          {t('doc.save.reload')}
        </button>
        <button type="button" className="link" data-testid="doc-stale-keep" onClick={() => resolveStale('keep')}>
          {t('doc.save.keepBoth')}
        </button>
      </span>
    );
  }
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
