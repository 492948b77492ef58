// The one-line preview of a paste whose shape is ambiguous: where each column of the block would go,
// each changeable, and nothing written until the user says 粘贴.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditableField } from '../../../../src-main/shared/model.ts';
import type { Ambiguity, PastePlan } from './paste-plan.ts';

export interface PastePreviewProps {
  plan: PastePlan;
  /** Lines of figures the block holds (headings excluded). */
  lines: number;
  /** Fields a column may be sent to, in the grid's order. */
  targets: readonly EditableField[];
  onChange(plan: PastePlan): void;
  onConfirm(): void;
  onCancel(): void;
}

export function PastePreview({ plan, lines, targets, onChange, onConfirm, onCancel }: PastePreviewProps) {
  const { t } = useTranslation();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  const setTarget = (index: number, target: EditableField | null) =>
    onChange({ ...plan, columns: plan.columns.map((c) => (c.index === index ? { ...c, target } : c)) });
  const headingLike = plan.ambiguous.some((a) => a.code === 'headingLike');
  return (
    <div
      className="banner paste-preview"
      data-testid="paste-preview"
      role="dialog"
      aria-label={t('grid.paste.title')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <div className="banner-body">
        <strong>{t('grid.paste.lines', { count: lines })}</strong>
        {plan.columns.map((c) => (
          <label key={c.index} className="paste-col">
            <span className="paste-col-name">{t('grid.paste.column', { n: c.index + 1, text: c.heading || c.sample || '—' })}</span>
            →
            <select data-testid={`paste-target-${c.index}`} value={c.target ?? ''} onChange={(e) => setTarget(c.index, (e.target.value || null) as EditableField | null)}>
              <option value="">{t('grid.paste.skip')}</option>
              {targets.map((f) => (
                <option key={f} value={f}>
                  {t(`grid.col.${f}`)}
                </option>
              ))}
            </select>
          </label>
        ))}
        {headingLike ? (
          <label className="paste-col">
            <input type="checkbox" data-testid="paste-header" checked={plan.headerRow} onChange={(e) => onChange({ ...plan, headerRow: e.target.checked })} />
            {t('grid.paste.firstIsHeading')}
          </label>
        ) : null}
        <div className="paste-why muted">{plan.ambiguous.map((a) => reason(a, plan, t)).join('；')}</div>
      </div>
      <button ref={confirmRef} type="button" className="primary" data-testid="paste-confirm" onClick={onConfirm}>
        {t('grid.paste.confirm')}
      </button>
      <button type="button" data-testid="paste-cancel" onClick={onCancel}>
        {t('dialog.cancel')}
      </button>
    </div>
  );
}

function reason(a: Ambiguity, plan: PastePlan, t: (k: string, o?: Record<string, unknown>) => string): string {
  switch (a.code) {
    case 'headingLike':
      return t('grid.paste.why.headingLike');
    case 'unknownHeading':
      return t('grid.paste.why.unknownHeading', { n: a.column + 1, heading: a.heading || '—' });
    case 'kindMismatch': {
      const col = plan.columns.find((c) => c.index === a.column);
      return t('grid.paste.why.kindMismatch', { n: a.column + 1, sample: col?.sample ?? '', kind: t(`grid.paste.kind.${a.kind}`), target: t(`grid.col.${a.target}`) });
    }
  }
}
