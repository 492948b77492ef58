// 文稿: the document of the park and period chosen at the top. Mounted per park-period (keyed by
// the caller), so leaving one saves it and the next starts fresh.
import { useTranslation } from 'react-i18next';
import type { Park, Period } from '../../../../src-main/shared/model.ts';
import { periodLabel } from '../../../../src-main/shared/period-key.ts';
import { errorText, isOffline } from '../../app/errors.ts';
import { useLocale } from '../../i18n/index.ts';
import { useSettings } from '../settings/useSettings.ts';
import { DocumentWorkspace } from './DocumentWorkspace.tsx';
import { EmptyDocument } from './EmptyDocument.tsx';
import { useDocument } from './useDocument.ts';
import './document.css';

export interface DocumentViewProps {
  park: Park;
  period: Period;
  periods: readonly Period[];
  settingsVersion: number;
  /** Opens 从文章导入 (the app holds the dialog: applying may change the park and period in view). */
  fromArticle(): void;
}

export function DocumentView({ park, period, periods, settingsVersion, fromArticle }: DocumentViewProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const doc = useDocument(park.id, period.id, park.name, `${park.name} ${periodLabel(period, locale)}`);
  const settings = useSettings(settingsVersion);
  const { load } = doc;

  if (load.status === 'loading') return <p className="loading muted">{t('doc.loading')}</p>;
  if (load.status === 'failed')
    return (
      <div className="banner banner-error" role="alert" data-testid="doc-load-error">
        <div className="banner-body">{isOffline(load.error) ? t('errors.offline') : t('doc.loadFailed', { message: errorText(load.error, locale) })}</div>
        <button type="button" className="link" onClick={doc.reload}>
          {t('errors.retry')}
        </button>
      </div>
    );
  if (load.status === 'empty' || !doc.body) return <EmptyDocument park={park.name} period={periodLabel(period, locale)} create={doc.create} fromArticle={fromArticle} />;
  return (
    <DocumentWorkspace
      park={park}
      period={period}
      periods={periods}
      body={doc.body}
      save={doc.save}
      update={doc.update}
      flush={doc.flush}
      resolveStale={doc.resolveStale}
      settings={settings}
      settingsVersion={settingsVersion}
    />
  );
}
