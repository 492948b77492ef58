// Step two: what applying the file would do, nothing written yet.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Park, Period } from '../../../../../src-main/shared/model.ts';
import { periodLabel } from '../../../../../src-main/shared/period-key.ts';
import type { ImportPreview } from '../../../../../src-main/shared/tables.ts';
import { useLocale } from '../../../i18n/index.ts';
import type { Target } from '../TargetFields.tsx';
import { IssueList } from './IssueList.tsx';
import { ItemTable } from './ItemTable.tsx';
import { PreviewCounts } from './PreviewCounts.tsx';

export interface PreviewPaneProps {
  preview: ImportPreview;
  target: Target;
  parks: Park[];
  periods: Period[];
}

export function PreviewPane({ preview: p, target, parks, periods }: PreviewPaneProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  // Only a plain table goes where the user said; the others name their own parks and periods.
  const plain = p.format === 'plain' || p.format === 'csv';
  const period = periods.find((x) => x.id === target.periodId);
  const into = plain
    ? t('tables.import.plainTarget', {
        park: parks.find((x) => x.id === target.parkId)?.name ?? '',
        period: period ? periodLabel(period, locale) : '',
        kind: t(`top.${target.kind}`),
      })
    : '';
  const listed = p.items.filter((i) => i.status !== 'unchanged').length;
  const readingWarnings = p.counts.warnings - p.counts.checks;
  // The button that asked for the preview is gone: the summary takes focus, so a screen reader
  // starts there and Tab walks on to the lists and the apply bar.
  const self = useRef<HTMLDivElement>(null);
  useEffect(() => self.current?.focus(), [p.previewId]);
  return (
    <div className="tables-preview" data-testid="import-preview" ref={self} tabIndex={-1}>
      <p className="tables-readas">
        {t('tables.import.readAs', { name: p.fileName, format: t(`tables.import.formats.${p.format}`) })}
        {into}
      </p>
      <PreviewCounts counts={p.counts} />
      {p.creates.indicators.length || p.creates.period || p.creates.park ? (
        <div className="tables-creates" data-testid="import-creates">
          <strong>{t('tables.import.creates')}</strong>
          <ul>
            {p.creates.park ? <li>{t('tables.import.createsPark', { name: p.creates.park })}</li> : null}
            {p.creates.period ? <li>{t('tables.import.createsPeriod', { name: p.creates.period })}</li> : null}
            {p.creates.indicators.map((i) => (
              <li key={i.name}>{t('tables.import.createsIndicator', { name: i.name, unit: i.unit })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {/* Titles give the exact counts: the lists themselves are capped by the core. */}
      <IssueList title={t('tables.import.errors', { count: p.counts.errors })} issues={p.errors} total={p.counts.errors} tone="error" testId="import-errors" />
      <IssueList title={t('tables.import.warnings', { count: readingWarnings })} issues={p.warnings} total={readingWarnings} tone="warn" testId="import-warnings" />
      <IssueList title={t('tables.import.checks', { count: p.counts.checks })} issues={p.checks} total={p.counts.checks} tone="warn" testId="import-checks" />
      <ItemTable title={t('tables.import.changed', { count: p.counts.changed })} items={p.items} status="changed" />
      <ItemTable title={t('tables.import.added', { count: p.counts.new })} items={p.items} status="new" />
      {p.itemsTruncated ? <p className="muted">{t('tables.import.truncated', { count: listed })}</p> : null}
    </div>
  );
}
