// The labelled fields the catalogue's forms are made of. Each form used to spell out the same
// label, input and option list per field; these keep one markup (and one clamp for decimals), so a
// change of look or behaviour is made once.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../../../src-main/shared/model.ts';
import { useLocale } from '../../i18n/index.ts';

export interface Choice {
  value: string;
  label: string;
}

/** A form of the catalogue panel: its heading, fields and buttons, submitted without a page load. */
export function CatalogForm({ testId, title, onSubmit, children }: { testId: string; title: ReactNode; onSubmit(): void; children: ReactNode }) {
  return (
    <form
      className="catalog-form"
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h3>{title}</h3>
      {children}
    </form>
  );
}

export function TextField({ label, value, onChange, testId, placeholder, required }: { label: string; value: string; onChange(v: string): void; testId?: string; placeholder?: string; required?: boolean }) {
  return (
    <label className="field">
      <span>{label}</span>
      <input data-testid={testId} value={value} placeholder={placeholder} required={required} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

export function SelectField({ label, value, onChange, choices, testId, none }: { label: string; value: string; onChange(v: string): void; choices: readonly Choice[]; testId?: string; none?: string }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        {none !== undefined && <option value="">{none}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Decimal places as the catalogue allows them: whole numbers from 0 to 6. */
export function DecimalsField({ value, onChange, testId }: { value: number; onChange(v: number): void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <label className="field">
      <span>{t('catalog.decimals')}</span>
      <input data-testid={testId} type="number" min={0} max={6} value={value} onChange={(e) => onChange(Math.max(0, Math.min(6, Math.trunc(Number(e.target.value) || 0))))} />
    </label>
  );
}

/** The catalogue's categories and units as choices, named in the UI's language. */
export function useCatalogChoices(catalog: Catalog): { categories: Choice[]; units: Choice[] } {
  const locale = useLocale();
  return {
    categories: catalog.categories.map((c) => ({ value: c.code, label: locale === 'en' && c.nameEn ? c.nameEn : c.name })),
    units: catalog.units.map((u) => ({ value: u.code, label: locale === 'en' ? `${u.code} (${u.en})` : u.code })),
  };
}
