// 导出 / 导入 under one "Excel" label in the top bar: two short buttons keep the bar on one line at
// 1366 px; the accessible names stay the full 导出 Excel / 导入数据.
import { useTranslation } from 'react-i18next';
import './tables.css';

export function ExcelButtons({ disabled, onExport, onImport }: { disabled: boolean; onExport(): void; onImport(): void }) {
  const { t } = useTranslation();
  return (
    <div className="picker tables-excel" role="group" aria-label="Excel">
      <span aria-hidden="true">Excel</span>
      <span className="toggle">
        <button type="button" data-testid="export-xlsx" disabled={disabled} aria-label={t('tables.exportButton')} title={t('tables.exportButton')} onClick={onExport}>
          {t('tables.exportShort')}
        </button>
        <button type="button" data-testid="import-data" disabled={disabled} aria-label={t('tables.importButton')} title={t('tables.importButton')} onClick={onImport}>
          {t('tables.importShort')}
        </button>
      </span>
    </div>
  );
}
