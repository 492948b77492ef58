import { useTranslation } from 'react-i18next';
import type { ValueKind } from '../../../../src-main/shared/model.ts';

export function KindToggle({ value, onChange }: { value: ValueKind; onChange(kind: ValueKind): void }) {
  const { t } = useTranslation();
  return (
    <div className="toggle" role="group" aria-label={t('top.kind')}>
      {(['actual', 'target'] as const).map((k) => (
        <button
          key={k}
          type="button"
          data-testid={`kind-${k}`}
          aria-pressed={value === k}
          className={value === k ? 'on' : undefined}
          onClick={() => onChange(k)}
        >
          {t(`top.${k}`)}
        </button>
      ))}
    </div>
  );
}
