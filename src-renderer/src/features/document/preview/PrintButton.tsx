// 打印/导出PDF: the preview's pages, one to a sheet, as they stand. In the browser the browser's own
// print dialog prints them (preview.css's print rules leave nothing else on the sheet); under
// Electron the window prints itself to a PDF that a save dialog places (documents.printPdf).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResolvedDocument, Template } from '../../../../../src-main/shared/document.ts';
import { call, transport } from '../../../bridge/index.ts';
import { errorText } from '../../../app/errors.ts';
import { useLocale } from '../../../i18n/index.ts';

/** 楚雄高新区-2022-工作简报.pdf */
const pdfName = (doc: ResolvedDocument, templateName: string) => `${doc.parkName}-${doc.periodLabel}-${templateName}.pdf`.replace(/[/\\:*?"<>|]/g, '_');

export function PrintButton({ doc, template }: { doc: ResolvedDocument; template: Template }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const print = async () => {
    setNote(null);
    if (transport() !== 'electron') {
      window.print();
      return;
    }
    setBusy(true);
    try {
      const r = await call('documents.printPdf', { fileName: pdfName(doc, t(`doc.template.${template}`)) });
      if (r.status === 'saved') setNote(t('doc.preview.printed', { path: r.path }));
    } catch (e) {
      setNote(errorText(e, locale));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" data-testid="preview-print" disabled={busy} onClick={() => void print()}>
        {t(transport() === 'electron' ? 'doc.preview.pdf' : 'doc.preview.print')}
      </button>
      {note ? (
        <span className="muted" role="status" data-testid="preview-print-result">
          {note}
        </span>
      ) : null}
    </>
  );
}
