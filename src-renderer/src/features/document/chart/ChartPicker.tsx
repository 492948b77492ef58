// 插入图表: choose up to six indicators (one for a ranking of parks), the periods and the words
// above and below the chart, see it drawn from the store as the page will print it, and insert its
// {图表：…} block as a paragraph of its own after the paragraph last edited.
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { chartBlockText, MAX_CHART_INDICATORS } from '../../../../../src-main/shared/chart/block.ts';
import type { DocumentBody } from '../../../../../src-main/shared/document.ts';
import type { Indicator } from '../../../../../src-main/shared/model.ts';
import { Dialog } from '../../dialogs/Dialog.tsx';
import { RadioChoices } from '../../dialogs/RadioChoices.tsx';
import { IndicatorList, optionId } from '../figure/IndicatorList.tsx';
import { useIndicatorSearch } from '../figure/useIndicatorSearch.ts';
import { ChartResult } from './ChartResult.tsx';

const SHAPES = ['trend', 'rank'] as const;
export type ChartShape = (typeof SHAPES)[number];

export interface ChartPickerProps {
  parkId: string;
  periodId: string;
  body: DocumentBody;
  /** Where the chart goes, as the user finds it (导语第1段之后). */
  targetLabel: string;
  onInsert(block: string): void;
  onClose(): void;
}

export function ChartPicker({ parkId, periodId, body, targetLabel, onInsert, onClose }: ChartPickerProps) {
  const { t } = useTranslation();
  const { indicators, error, query, setQuery, items, active, setActive, onSearchKey: moveActive } = useIndicatorSearch();
  const [chosen, setChosen] = useState<Indicator[]>([]);
  const [shape, setShape] = useState<ChartShape>('trend');
  const [periods, setPeriods] = useState('');
  const [title, setTitle] = useState('');
  const [credit, setCredit] = useState('');

  const max = shape === 'rank' ? 1 : MAX_CHART_INDICATORS;
  const used = chosen.slice(0, max);
  const text = used.length
    ? chartBlockText({
        indicators: used.map((i) => i.name),
        periods: periods.trim() || null,
        parks: shape === 'rank' ? 'all' : null,
        title: title.trim() || null,
        credit: credit.trim() || null,
      })
    : '';

  /** A click or Enter on an indicator adds it (a ranking holds one: it replaces), or takes it out again. */
  const toggle = (ind: Indicator | undefined) => {
    if (!ind) return;
    setChosen((cs) => (cs.some((c) => c.id === ind.id) ? cs.filter((c) => c.id !== ind.id) : shape === 'rank' ? [ind] : cs.length >= max ? cs : [...cs, ind]));
  };

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && items.length) {
      e.preventDefault();
      toggle(items[active]);
      return;
    }
    moveActive(e);
  };

  return (
    <Dialog title={t('doc.chart.title')} testId="chart-picker" onClose={onClose} onSubmit={() => text && onInsert(text)} submitLabel={t('doc.chart.insert')} submitDisabled={!text} error={error} wide>
      <p className="muted fig-target">{t('doc.chart.target', { place: targetLabel })}</p>
      <div className="chart-pick">
        <div className="chart-pick-choose">
          <RadioChoices
            legend={t('doc.chart.shape')}
            name="chart-shape"
            options={SHAPES}
            value={shape}
            onChange={setShape}
            testId={(s) => `chart-shape-${s}`}
            label={(s) => t(`doc.chart.shapes.${s}`)}
          />
          <label className="field">
            <span>{t('doc.chart.search', { max })}</span>
            <input
              data-testid="chart-search"
              data-autofocus
              value={query}
              role="combobox"
              aria-expanded="true"
              aria-controls="fig-list"
              aria-activedescendant={items.length ? optionId(active) : undefined}
              placeholder={t('doc.figure.searchPlaceholder')}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={onSearchKey}
            />
          </label>
          {indicators ? (
            <IndicatorList
              items={items}
              active={active}
              chosen={new Set(used.map((c) => c.id))}
              onActive={(i) => {
                setActive(i);
                toggle(items[i]);
              }}
            />
          ) : (
            <p className="muted">{t('grid.loading')}</p>
          )}
          <ul className="chart-chosen" data-testid="chart-chosen" aria-label={t('doc.chart.chosen')}>
            {used.map((c) => (
              <li key={c.id}>
                {c.name}
                <button type="button" className="link" aria-label={t('doc.chart.remove', { name: c.name })} onClick={() => toggle(c)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
          <label className="field">
            <span>{t(shape === 'rank' ? 'doc.chart.period' : 'doc.chart.periods')}</span>
            <input data-testid="chart-periods" value={periods} placeholder={t(shape === 'rank' ? 'doc.chart.periodHint' : 'doc.chart.periodsHint')} onChange={(e) => setPeriods(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('doc.chart.chartTitle')}</span>
            <input data-testid="chart-title" value={title} placeholder={t('doc.chart.chartTitleHint')} maxLength={60} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('doc.chart.credit')}</span>
            <input data-testid="chart-credit" value={credit} placeholder={t('doc.chart.creditHint')} maxLength={120} onChange={(e) => setCredit(e.target.value)} />
          </label>
        </div>
        <div className="chart-pick-result">
          <code className="fig-text" data-testid="chart-text">
            {text || '—'}
          </code>
          {text ? <ChartResult parkId={parkId} periodId={periodId} base={body} text={text} /> : <p className="muted">{t('doc.chart.none')}</p>}
        </div>
      </div>
    </Dialog>
  );
}
