import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period } from '../../../../src-main/shared/model.ts';
import { parsePeriodKey, periodKey, periodLabel, type PeriodKind } from '../../../../src-main/shared/period-key.ts';
import { errorText } from '../../app/errors.ts';
import { call } from '../../bridge/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { Dialog } from './Dialog.tsx';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/**
 * A new period starts at the last one reported on — the year just ended, the months up to the last
 * full month — not the current year, which no report covers yet. Periods are shared by all parks:
 * one another park already has is chosen for this park rather than refused.
 */
export function AddPeriodDialog({ periods, onClose, onCreated }: { periods: readonly Period[]; onClose(): void; onCreated(p: Period): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = new Date();
  const [kind, setKind] = useState<PeriodKind>('year');
  const [year, setYear] = useState(String(now.getFullYear() - 1));
  const [quarter, setQuarter] = useState(Math.max(1, Math.floor(now.getMonth() / 3)));
  const [from, setFrom] = useState(1);
  const [to, setTo] = useState(Math.max(1, now.getMonth()));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const y = Number(year);
  const parts =
    kind === 'year'
      ? { kind, year: y, startMonth: 1, endMonth: 12 }
      : kind === 'quarter'
        ? { kind, year: y, startMonth: quarter * 3 - 2, endMonth: quarter * 3 }
        : { kind, year: y, startMonth: from, endMonth: to };
  // Round-trip through the parser so the preview shows only keys the core will accept.
  const key = /^\d{4}$/.test(year) ? periodKey(parts) : '';
  const parsed = key ? parsePeriodKey(key) : null;

  const submit = async () => {
    if (!parsed) return;
    setBusy(true);
    try {
      const existing = periods.find((p) => p.key === key);
      onCreated(existing ?? (await call('periods.create', { key })));
    } catch (e) {
      setError(errorText(e, locale));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('dialog.period.title')} testId="add-period-dialog" onClose={onClose} onSubmit={() => void submit()} submitDisabled={busy || !parsed} error={error}>
      <label className="field">
        <span>{t('dialog.period.type')}</span>
        <select data-testid="period-type" value={kind} onChange={(e) => setKind(e.target.value as PeriodKind)}>
          <option value="year">{t('dialog.period.year')}</option>
          <option value="quarter">{t('dialog.period.quarter')}</option>
          <option value="months">{t('dialog.period.months')}</option>
        </select>
      </label>
      <label className="field">
        <span>{t('dialog.period.yearLabel')}</span>
        <input data-testid="period-year" inputMode="numeric" value={year} maxLength={4} onChange={(e) => setYear(e.target.value.trim())} />
      </label>
      {kind === 'quarter' ? (
        <label className="field">
          <span>{t('dialog.period.quarterLabel')}</span>
          <select data-testid="period-quarter" value={quarter} onChange={(e) => setQuarter(Number(e.target.value))}>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                {t('dialog.period.quarterN', { n: q })}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {kind === 'months' ? (
        <div className="field-row">
          <MonthField label={t('dialog.period.fromMonth')} testId="period-from" value={from} onChange={setFrom} />
          <MonthField label={t('dialog.period.toMonth')} testId="period-to" value={to} onChange={setTo} />
        </div>
      ) : null}
      <p className="preview" data-testid="period-preview">
        {parsed ? t('dialog.period.preview', { label: periodLabel(parsed, locale), key }) : t('dialog.period.invalid')}
      </p>
    </Dialog>
  );
}

function MonthField({ label, testId, value, onChange }: { label: string; testId: string; value: number; onChange(m: number): void }) {
  const { t } = useTranslation();
  return (
    <label className="field">
      <span>{label}</span>
      <select data-testid={testId} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {MONTHS.map((m) => (
          <option key={m} value={m}>
            {t('dialog.period.monthN', { n: m })}
          </option>
        ))}
      </select>
    </label>
  );
}
