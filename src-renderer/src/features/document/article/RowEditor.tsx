// A row's fields being corrected: Enter keeps them (and accepts the row), Esc leaves them as they were.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUALIFIERS } from '../../../../../src-main/shared/figure/qualifiers.ts';
import { UNITS } from '../../../../../src-main/shared/figure/units.ts';
import type { Fields } from './rows.ts';

export function RowEditor({ initial, names, invalid, onSave, onCancel }: { initial: Fields; names: readonly string[]; invalid: keyof Fields | null; onSave(f: Fields): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [f, setF] = useState(initial);
  const set = (k: keyof Fields) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const cls = (k: keyof Fields) => (invalid === k ? 'invalid' : undefined);
  return (
    <div
      className="article-editor"
      data-testid="article-editor"
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') {
          e.preventDefault();
          onSave(f);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <label>
        {t('article.col.indicator')}
        <input data-testid="edit-indicator" className={cls('indicator')} list="article-indicators" value={f.indicator} autoFocus onChange={set('indicator')} />
        <datalist id="article-indicators">
          {names.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
      </label>
      <label>
        {t('article.col.value')}
        <input data-testid="edit-value" className={cls('value')} value={f.value} inputMode="decimal" onChange={set('value')} />
      </label>
      <label>
        {t('article.col.unit')}
        <select data-testid="edit-unit" value={f.unit} onChange={set('unit')}>
          <option value="" />
          {UNITS.map((u) => (
            <option key={u.code} value={u.code}>
              {u.code}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('article.col.qualifier')}
        <select data-testid="edit-qualifier" value={f.qualifier} onChange={set('qualifier')}>
          <option value="" />
          {QUALIFIERS.map((q) => (
            <option key={q.code} value={q.code}>
              {q.code}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('article.col.growth')}
        <input data-testid="edit-growth" className={cls('growth')} value={f.growth} inputMode="decimal" onChange={set('growth')} />
      </label>
      <label>
        {t('article.col.baseline')}
        <input data-testid="edit-baseline" className={cls('baseline')} value={f.baseline} inputMode="decimal" onChange={set('baseline')} />
      </label>
      <label>
        {t('article.col.kind')}
        <select data-testid="edit-kind" value={f.kind} onChange={set('kind')}>
          <option value="actual">{t('article.actual')}</option>
          <option value="target">{t('article.target')}</option>
        </select>
      </label>
      <label>
        {t('article.col.period')}
        <input data-testid="edit-period" className={cls('period')} value={f.period} onChange={set('period')} />
      </label>
      <span className="article-editor-actions">
        <button type="button" className="primary" data-testid="edit-save" onClick={() => onSave(f)}>
          {t('article.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('article.cancel')}
        </button>
      </span>
      {invalid ? (
        <span className="field-error" role="alert">
          {t('article.invalid', { field: t(`article.col.${invalid}`) })}
        </span>
      ) : null}
    </div>
  );
}
