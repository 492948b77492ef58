// 版式: the fields each template prints besides the text (magazine column and folio, bulletin
// masthead and end block).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulletinLayout, DocumentBody, MagazineLayout, Template } from '../../../../../src-main/shared/document.ts';

export interface LayoutPanelProps {
  template: Template;
  body: DocumentBody;
  onMagazine(patch: Partial<MagazineLayout>): void;
  onBulletin(patch: Partial<BulletinLayout>): void;
}


function Text({ label, value, max, onChange, testId, wide }: { label: string; value: string; max: number; onChange(v: string): void; testId: string; wide?: boolean }) {
  return (
    <label className={wide ? 'field wide' : 'field'}>
      <span>{label}</span>
      <input data-testid={testId} value={value} maxLength={max} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

/** A whole number; what is typed stays as typed until it is a number in range. */
function Int({ label, value, min, max, onChange, testId }: { label: string; value: number; min: number; max: number; onChange(v: number): void; testId: string }) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <label className="field">
      <span>{label}</span>
      <input
        data-testid={testId}
        inputMode="numeric"
        value={draft ?? String(value)}
        aria-invalid={draft !== null && draft !== String(value)}
        onChange={(e) => {
          const text = e.target.value.trim();
          setDraft(text);
          const n = Number(text);
          if (/^\d+$/.test(text) && n >= min && n <= max) onChange(n);
        }}
        onBlur={() => setDraft(null)}
      />
    </label>
  );
}

export function LayoutPanel({ template, body, onMagazine, onBulletin }: LayoutPanelProps) {
  const { t } = useTranslation();
  const m = body.magazine;
  const b = body.bulletin;
  return (
    <form className="layout-panel" data-testid="layout-panel" aria-label={t('doc.layout.title')} onSubmit={(e) => e.preventDefault()}>
      {template === 'magazine' ? (
        <>
          <Text label={t('doc.layout.columnZh')} value={m.columnZh} max={40} testId="layout-columnZh" onChange={(v) => onMagazine({ columnZh: v })} />
          <Text label={t('doc.layout.columnEn')} value={m.columnEn} max={80} testId="layout-columnEn" onChange={(v) => onMagazine({ columnEn: v })} />
          <Int label={t('doc.layout.firstPage')} value={m.firstPage} min={1} max={9999} testId="layout-firstPage" onChange={(v) => onMagazine({ firstPage: v })} />
          <Text label={t('doc.layout.issue')} value={m.issue} max={20} testId="layout-issue" onChange={(v) => onMagazine({ issue: v })} />
        </>
      ) : (
        <>
          <Text label={t('doc.layout.name')} value={b.name} max={40} testId="layout-name" onChange={(v) => onBulletin({ name: v })} />
          <Text label={t('doc.layout.number')} value={b.number} max={20} testId="layout-number" onChange={(v) => onBulletin({ number: v })} />
          <Text label={t('doc.layout.totalNumber')} value={b.totalNumber ?? ''} max={20} testId="layout-totalNumber" onChange={(v) => onBulletin({ totalNumber: v })} />
          <label className="field">
            <span>{t('doc.layout.internal')}</span>
            <input type="checkbox" data-testid="layout-internal" checked={b.internal ?? false} onChange={(e) => onBulletin({ internal: e.target.checked })} />
          </label>
          <label className="field wide">
            <span>{t('doc.layout.editorNote')}</span>
            <textarea data-testid="layout-editorNote" rows={3} value={b.editorNote ?? ''} maxLength={2000} placeholder={t('doc.layout.editorNoteHint')} onChange={(e) => onBulletin({ editorNote: e.target.value })} />
          </label>
          <Text label={t('doc.layout.issuer')} value={b.issuer} max={80} testId="layout-issuer" onChange={(v) => onBulletin({ issuer: v })} />
          <Text label={t('doc.layout.date')} value={b.date} max={40} testId="layout-date" onChange={(v) => onBulletin({ date: v })} />
          <Text label={t('doc.layout.reportTo')} value={b.reportTo} max={300} testId="layout-reportTo" wide onChange={(v) => onBulletin({ reportTo: v })} />
          <Text label={t('doc.layout.copyTo')} value={b.copyTo} max={300} testId="layout-copyTo" wide onChange={(v) => onBulletin({ copyTo: v })} />
          <Text label={t('doc.layout.sendTo')} value={b.sendTo} max={300} testId="layout-sendTo" wide onChange={(v) => onBulletin({ sendTo: v })} />
          <Int label={t('doc.layout.copies')} value={b.copies} min={0} max={100000} testId="layout-copies" onChange={(v) => onBulletin({ copies: v })} />
        </>
      )}
    </form>
  );
}
