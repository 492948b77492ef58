// 概览: every park for the chosen period — the indicators most parks report, each with every park's
// figure, 同比 and place, and a ranked bar chart. A park's name (or its bar) opens its grid.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Overview, RankData } from '../../../../src-main/shared/chart/model.ts';
import type { ValueKind } from '../../../../src-main/shared/model.ts';
import { errorText } from '../../app/errors.ts';
import { call } from '../../bridge/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { ChartView } from '../charts/ChartView.tsx';
import { overviewRows } from './overview-rows.ts';
import './overview.css';

export function OverviewView({ periodId, kind, onOpenPark }: { periodId: string; kind: ValueKind; onOpenPark(parkId: string): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    let current = true;
    call('charts.overview', { periodId, kind }).then(
      (o) => current && setOverview(o),
      (e: unknown) => current && setFailure(e),
    );
    return () => {
      current = false;
    };
  }, [periodId, kind]);

  if (failure) return <p className="banner banner-error" role="alert">{t('charts.failed', { message: errorText(failure, locale) })}</p>;
  if (!overview) return <p className="loading muted">{t('grid.loading')}</p>;
  return (
    <div className="overview" data-testid="overview">
      <h2>{t('overview.heading', { period: overview.period.label, count: overview.parks.length })}</h2>
      {overview.indicators.length === 0 ? <p className="muted">{t('overview.empty')}</p> : null}
      <div className="overview-cards">
        {overview.indicators.map((r) => (
          <IndicatorCard key={r.indicator.id} data={r} onOpenPark={onOpenPark} />
        ))}
      </div>
    </div>
  );
}

function IndicatorCard({ data, onOpenPark }: { data: RankData; onOpenPark(parkId: string): void }) {
  const { t } = useTranslation();
  const rows = overviewRows(data);
  return (
    <section className="overview-card" data-testid="overview-card" data-indicator={data.indicator.name}>
      <table className="overview-table">
        <thead>
          <tr>
            <th>{t('overview.rank')}</th>
            <th>{t('overview.park')}</th>
            <th className="num">{data.indicator.name}</th>
            <th className="num">{t('overview.growth')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.parkId} data-park={r.park}>
              <td className="num">{r.rank ?? '—'}</td>
              <td>
                <button type="button" className="link" data-testid="overview-park" onClick={() => onOpenPark(r.parkId)}>
                  {r.park}
                </button>
              </td>
              <td className="num" title={r.excluded ? t('overview.excluded') : undefined}>
                {r.figure ?? '—'}
                {r.excluded ? '*' : ''}
              </td>
              <td className="num">{r.growth ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ChartView data={data} onPickPark={onOpenPark} />
    </section>
  );
}
