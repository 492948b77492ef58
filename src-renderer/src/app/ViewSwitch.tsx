import { useTranslation } from 'react-i18next';
import { VIEWS, type View } from './persist.ts';

/** 数据 | 文稿 | 概览: the indicator grid, the document of the chosen park and period, or all parks for the period. */
export function ViewSwitch({ value, onChange }: { value: View; onChange(v: View): void }) {
  const { t } = useTranslation();
  return (
    <div className="toggle view-switch" role="group" aria-label={t('view.label')}>
      {VIEWS.map((v) => (
        <button key={v} type="button" data-testid={`view-${v}`} aria-pressed={value === v} className={value === v ? 'on' : undefined} onClick={() => onChange(v)}>
          {t(`view.${v}`)}
        </button>
      ))}
    </div>
  );
}
