// One chart, drawn from stored figures by the same description the Word export draws. The chart
// code arrives with the first chart shown, not with the app.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartData } from '../../../../src-main/shared/chart/model.ts';
import { useLocale } from '../../i18n/index.ts';

export interface ChartViewProps {
  data: ChartData;
  title?: string;
  /** A bar of a ranked chart clicked: the park it stands for. */
  onPickPark?(parkId: string): void;
  /** Draw at this width and show it `scale` times as large: a document's chart as its page prints it. */
  drawWidth?: number;
  scale?: number;
}

export function ChartView({ data, title, onPickPark, drawWidth, scale }: ChartViewProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const ref = useRef<HTMLDivElement>(null);
  const pick = useRef(onPickPark);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    pick.current = onPickPark;
  }, [onPickPark]);

  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    import('./chart-runtime.ts')
      .then(({ echarts, describeChart }) => {
        const el = ref.current;
        if (disposed || !el) return;
        const desc = describeChart(data, { lang: locale === 'en' ? 'en' : 'zh', title, width: drawWidth });
        // As wide as the panel allows, never wider than drawn for print: the fonts keep their size.
        const width = drawWidth ?? Math.min(desc.size.width, el.clientWidth || desc.size.width);
        const chart = echarts.init(el, null, { renderer: 'svg', width, height: desc.size.height });
        chart.setOption(desc.option);
        chart.on('click', (p) => {
          const parkId = (p.data as { parkId?: string } | undefined)?.parkId;
          if (parkId) pick.current?.(parkId);
        });
        el.dataset.ready = 'true';
        dispose = () => chart.dispose();
      })
      .catch((e: unknown) => setFailure(e instanceof Error ? e.message : String(e)));
    return () => {
      disposed = true;
      dispose();
    };
  }, [data, title, locale, drawWidth]);

  if (failure) return <p className="chart-failed" role="alert">{t('charts.failed', { message: failure })}</p>;
  return (
    <div ref={ref} className="chart-view" style={scale ? { zoom: scale } : undefined} data-testid="chart" data-kind={data.kind} role="img" aria-label={title ?? t('charts.label')} />
  );
}
