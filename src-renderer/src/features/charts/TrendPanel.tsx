// Beside the grid: the trend of the indicator under the cursor over the park's periods, or the
// indicators of a selected block of rows compared. Read again whenever the grid is (an edit shows).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrendData } from '../../../../src-main/shared/chart/model.ts';
import type { Grid } from '../../../../src-main/shared/model.ts';
import { errorText } from '../../app/errors.ts';
import { call } from '../../bridge/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { ChartView } from './ChartView.tsx';

/** The contract's cap (charts.trend indicatorIds). */
export const MAX_COMPARED = 6;

export function TrendPanel({ grid, indicatorIds, onClose }: { grid: Grid; indicatorIds: readonly string[]; onClose(): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [data, setData] = useState<TrendData | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const ids = indicatorIds.slice(0, MAX_COMPARED);
  const key = ids.join(',');

  useEffect(() => {
    if (!key) return;
    let current = true;
    call('charts.trend', { parkId: grid.park.id, periodId: grid.period.id, kind: grid.kind, indicatorIds: key.split(',') }).then(
      (d) => {
        if (current) {
          setData(d);
          setFailure(null);
        }
      },
      (e: unknown) => current && setFailure(e),
    );
    return () => {
      current = false;
    };
  }, [grid, key]);

  return (
    <aside className="chart-panel" data-testid="chart-panel" aria-label={t('charts.panel')}>
      <div className="chart-panel-head">
        <strong>{ids.length > 1 ? t('charts.compare', { count: ids.length }) : t('charts.trend')}</strong>
        <button type="button" className="link" data-testid="chart-panel-close" onClick={onClose}>
          {t('charts.close')}
        </button>
      </div>
      {failure ? (
        <p className="chart-failed" role="alert">
          {t('charts.failed', { message: errorText(failure, locale) })}
        </p>
      ) : data ? (
        <ChartView data={data} />
      ) : (
        <p className="muted">{t('charts.loading')}</p>
      )}
      <p className="chart-hint muted">{indicatorIds.length > MAX_COMPARED ? t('charts.tooMany', { max: MAX_COMPARED }) : t('charts.hint')}</p>
    </aside>
  );
}
