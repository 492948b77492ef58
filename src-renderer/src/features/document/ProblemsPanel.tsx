// Every placeholder that cannot be filled, by place; choosing one selects it in its field.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../../src-main/shared/document.ts';
import { formatProblem } from '../../../../src-main/shared/errors.ts';
import { useLocale } from '../../i18n/index.ts';

export function ProblemsPanel({ problems, onPick }: { problems: readonly Problem[] | null; onPick(p: Problem): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [open, setOpen] = useState(true);
  if (!problems) return null;
  if (!problems.length)
    return (
      <div className="problems ok" data-testid="doc-problems" role="status">
        ✓ {t('doc.problems.none')}
      </div>
    );
  return (
    <div className="problems" data-testid="doc-problems">
      <button type="button" className="problems-head" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t('doc.problems.title', { count: problems.length })}
      </button>
      {open ? (
        <ul>
          {problems.map((p, i) => (
            <li key={i}>
              <button type="button" className="problem-item" data-testid="problem-item" onClick={() => onPick(p)}>
                {formatProblem(p, locale)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
