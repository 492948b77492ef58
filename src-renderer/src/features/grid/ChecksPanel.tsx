// The check-rule warnings of the grid as a list the user opens; choosing one moves to its row.
// Warnings never block anything: the bar only says how many figures deserve a second look.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkNote, formatCheck, type CheckWarning } from '../../../../src-main/shared/checks.ts';
import { useLocale } from '../../i18n/index.ts';
import './checks.css';

export function ChecksPanel({ checks, onPick }: { checks: readonly CheckWarning[]; onPick(w: CheckWarning): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  if (!checks.length) return null;
  return (
    <div className="checks" data-testid="checks" role="region" aria-label={t('grid.checks.region')}>
      <button type="button" className="checks-head" aria-expanded={open} data-testid="checks-toggle" onClick={() => setOpen(!open)}>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> <span className="check-icon" aria-hidden="true">!</span>{' '}
        {t('grid.checks.title', { count: checks.length })}
        <span className="checks-hint">{t('grid.checks.hint')}</span>
      </button>
      {open ? (
        <ul>
          {checks.map((w, i) => (
            <li key={`${w.rule}-${i}`}>
              <button type="button" className="check-item" data-testid="check-item" data-rule={w.rule} title={checkNote(w, locale) || undefined} onClick={() => onPick(w)}>
                <span className="check-rule">{w.rule}</span>
                {formatCheck(w, locale)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
