// The catalogue as a table: 导出 Excel writes it for editing in Excel or WPS; 从 Excel 导入 reads the
// edited file back, lists what it changes (new and changed indicators field by field, units,
// qualifiers, rules) and every refused row, and applies it as one undo step only when asked.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMessage, type ErrorCode } from '../../../../src-main/shared/errors.ts';
import type { CatalogImportPreview } from '../../../../src-main/shared/tables.ts';
import { errorText } from '../../app/errors.ts';
import { call } from '../../bridge/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { startDownload } from '../document/export/download.ts';
import { readBase64 } from '../../bridge/file-base64.ts';
import { PickFileButton } from '../dialogs/FilePicker.tsx';

export function CatalogWorkbook({ onApplied, onError }: { onApplied(): void; onError(message: string | null): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [preview, setPreview] = useState<CatalogImportPreview | null>(null);
  const [busy, setBusy] = useState(false);

  const guard = async (f: () => Promise<void>) => {
    setBusy(true);
    try {
      await f();
      onError(null);
    } catch (e) {
      onError(errorText(e, locale));
    } finally {
      setBusy(false);
    }
  };

  const exportIt = () =>
    guard(async () => {
      const r = await call('catalog.export', {});
      if (r.status === 'download') startDownload(r.url, r.fileName);
    });

  const read = (file: File) =>
    guard(async () => {
      setPreview(await call('catalog.importPreview', { fileName: file.name, base64: await readBase64(file) }));
    });

  const apply = (p: CatalogImportPreview) =>
    guard(async () => {
      await call('catalog.importApply', { previewId: p.previewId });
      setPreview(null);
      onApplied();
    });

  const kinds: Record<string, string> = { indicator: t('catalog.wb.indicator'), unit: t('catalog.wb.unit'), qualifier: t('catalog.wb.qualifier'), rule: t('catalog.wb.rule') };
  return (
    <div className="catalog-form" data-testid="catalog-workbook">
      <h3>{t('catalog.wb.title')}</h3>
      <div className="button-row">
        <button type="button" data-testid="catalog-export" disabled={busy} onClick={() => void exportIt()}>
          {t('catalog.wb.export')}
        </button>
        <PickFileButton accept=".xlsx" onFile={(f) => void read(f)} testId="catalog-import" inputTestId="catalog-import-file" disabled={busy}>
          {t('catalog.wb.import')}
        </PickFileButton>
      </div>
      {preview ? (
        <div className="catalog-preview" data-testid="catalog-preview">
          <p>{t('catalog.wb.summary', { file: preview.fileName, changes: preview.changes.length, errors: preview.errors.length })}</p>
          <ul>
            {preview.changes.map((c, i) => (
              <li key={i}>
                {c.status === 'new' ? '+' : '~'} {kinds[c.kind]} {c.name}
                {c.fields.length ? '：' : ''}
                {c.fields.map((f) => (f.before === null ? `${f.field} ${f.after}` : `${f.field} ${f.before || '—'} → ${f.after || '—'}`)).join('；')}
              </li>
            ))}
            {preview.errors.map((e, i) => (
              <li key={`e${i}`} className="error">
                {t('catalog.wb.at', { sheet: e.sheet, row: e.row })}
                {formatMessage(e.code as ErrorCode, e.params, locale)}
              </li>
            ))}
          </ul>
          <div className="button-row">
            <button type="button" className="primary" data-testid="catalog-apply" disabled={busy || !preview.canApply} onClick={() => void apply(preview)}>
              {t('catalog.wb.apply')}
            </button>
            <button type="button" onClick={() => setPreview(null)}>
              {t('dialog.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
