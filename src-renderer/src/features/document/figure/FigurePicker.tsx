// 插入数据: find an indicator, choose what of it to quote and from which period, see the figure as
// it will print, and insert its placeholder at the caret of the field last edited.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentBody } from '../../../../../src-main/shared/document.ts';
import type { Period } from '../../../../../src-main/shared/model.ts';
import { periodLabel } from '../../../../../src-main/shared/period-key.ts';
import { useLocale } from '../../../i18n/index.ts';
import { Dialog } from '../../dialogs/Dialog.tsx';
import { RadioChoices } from '../../dialogs/RadioChoices.tsx';
import { choiceText, conversionUnits, periodWriting, takesUnit, WHATS, type What } from './choice.ts';
import { FigureResult } from './FigureResult.tsx';
import { IndicatorList, optionId } from './IndicatorList.tsx';
import { useIndicatorSearch } from './useIndicatorSearch.ts';

export interface FigurePickerProps {
  parkId: string;
  periodId: string;
  periods: readonly Period[];
  body: DocumentBody;
  /** Where the placeholder goes, as the user finds it (导语第1段). */
  targetLabel: string;
  onInsert(text: string): void;
  onClose(): void;
}

export function FigurePicker({ parkId, periodId, periods, body, targetLabel, onInsert, onClose }: FigurePickerProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { indicators, error, query, setQuery, items, active, setActive, onSearchKey } = useIndicatorSearch();
  const [what, setWhat] = useState<What>('value');
  const [period, setPeriod] = useState('');
  const [unit, setUnit] = useState('');
  const current = items[active];
  const units = conversionUnits(current);
  const text = current ? choiceText({ indicator: current.name, what, period, unit: units.includes(unit) ? unit : '' }) : '';

  return (
    <Dialog
      title={t('doc.figure.title')}
      testId="figure-picker"
      onClose={onClose}
      onSubmit={() => text && onInsert(text)}
      submitLabel={t('doc.figure.insert')}
      submitDisabled={!text}
      error={error}
    >
      <p className="muted fig-target">{t('doc.figure.target', { place: targetLabel })}</p>
      <label className="field">
        <span>{t('doc.figure.search')}</span>
        <input
          data-testid="figure-search"
          data-autofocus
          value={query}
          role="combobox"
          aria-expanded="true"
          aria-controls="fig-list"
          aria-activedescendant={current ? optionId(active) : undefined}
          placeholder={t('doc.figure.searchPlaceholder')}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKey}
        />
      </label>
      {indicators ? <IndicatorList items={items} active={active} onActive={setActive} /> : <p className="muted">{t('grid.loading')}</p>}
      <RadioChoices
        legend={t('doc.figure.what')}
        name="fig-what"
        options={WHATS}
        value={what}
        onChange={setWhat}
        testId={(w) => `figure-what-${w}`}
        label={(w) => t(`doc.figure.whats.${w}`)}
      />
      <div className="field-row">
        <label className="field">
          <span>{t('doc.figure.period')}</span>
          <select data-testid="figure-period" value={period} onChange={(e) => setPeriod(e.target.value)}>
            <option value="">{t('doc.figure.ownPeriod')}</option>
            <option value="上年">{t('doc.figure.lastYear')}</option>
            {periods
              .filter((p) => p.id !== periodId)
              .map((p) => (
                <option key={p.id} value={periodWriting(p)}>
                  {periodLabel(p, locale)}
                </option>
              ))}
          </select>
        </label>
        <label className="field">
          <span>{t('doc.figure.unit')}</span>
          <select data-testid="figure-unit" value={units.includes(unit) ? unit : ''} disabled={!takesUnit(what) || !units.length} onChange={(e) => setUnit(e.target.value)}>
            <option value="">{current ? t('doc.figure.ownUnit', { unit: current.unit }) : '—'}</option>
            {units.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </label>
      </div>
      <code className="fig-text" data-testid="figure-text">
        {text || '—'}
      </code>
      {text ? <FigureResult parkId={parkId} periodId={periodId} base={body} text={text} /> : null}
    </Dialog>
  );
}
