import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../../../src-main/shared/model.ts';
import { errorText } from '../../app/errors.ts';
import { call } from '../../bridge/index.ts';
import { useLocale } from '../../i18n/index.ts';

interface FormProps {
  onAdded(name: string): void;
  onError(message: string | null): void;
}

/** Runs a form's call with a busy flag, reporting a refusal through onError in the user's language. */
function useSubmit(onError: FormProps['onError']): [boolean, (action: () => Promise<void>) => Promise<void>] {
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (e) {
      onError(errorText(e, locale));
    } finally {
      setBusy(false);
    }
  };
  return [busy, run];
}

export function AddIndicatorForm({ catalog, onAdded, onError }: FormProps & { catalog: Catalog }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [categoryCode, setCategoryCode] = useState(catalog.categories[0]?.code ?? '');
  const [name, setName] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [unit, setUnit] = useState('亿元');
  const [decimals, setDecimals] = useState(2);
  const [definition, setDefinition] = useState('');
  const [integerOnly, setIntegerOnly] = useState(false);
  const [busy, run] = useSubmit(onError);

  const submit = () =>
    run(async () => {
      const ind = await call('catalog.createIndicator', {
        categoryCode,
        name,
        nameEn: nameEn || null,
        unit,
        decimals,
        definition: definition || null,
        integerOnly,
      });
      setName('');
      setNameEn('');
      setDefinition('');
      onAdded(ind.name);
    });

  return (
    <form
      className="catalog-form"
      data-testid="add-indicator-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{t('catalog.addIndicator')}</h3>
      <label className="field">
        <span>{t('catalog.category')}</span>
        <select data-testid="new-indicator-category" value={categoryCode} onChange={(e) => setCategoryCode(e.target.value)}>
          {catalog.categories.map((c) => (
            <option key={c.code} value={c.code}>
              {locale === 'en' && c.nameEn ? c.nameEn : c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('catalog.name')}</span>
        <input data-testid="new-indicator-name" value={name} required onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('catalog.nameEn')}</span>
        <input data-testid="new-indicator-name-en" value={nameEn} onChange={(e) => setNameEn(e.target.value)} />
      </label>
      <div className="field-row">
        <label className="field">
          <span>{t('catalog.unit')}</span>
          <select data-testid="new-indicator-unit" value={unit} onChange={(e) => setUnit(e.target.value)}>
            {catalog.units.map((u) => (
              <option key={u.code} value={u.code}>
                {locale === 'en' ? `${u.code} (${u.en})` : u.code}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('catalog.decimals')}</span>
          <input
            data-testid="new-indicator-decimals"
            type="number"
            min={0}
            max={6}
            value={decimals}
            onChange={(e) => setDecimals(Math.max(0, Math.min(6, Math.trunc(Number(e.target.value) || 0))))}
          />
        </label>
      </div>
      <label className="field">
        <span>{t('catalog.definition')}</span>
        <textarea rows={2} value={definition} onChange={(e) => setDefinition(e.target.value)} />
      </label>
      <label className="check">
        <input type="checkbox" checked={integerOnly} onChange={(e) => setIntegerOnly(e.target.checked)} />
        <span>{t('catalog.integerOnly')}</span>
      </label>
      <button type="submit" className="primary" data-testid="create-indicator" disabled={busy || !name.trim() || !categoryCode}>
        {t('catalog.addIndicator')}
      </button>
    </form>
  );
}

export function AddCategoryForm({ onAdded, onError }: FormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [busy, run] = useSubmit(onError);

  const submit = () =>
    run(async () => {
      const c = await call('catalog.createCategory', { name, nameEn: nameEn || null });
      setName('');
      setNameEn('');
      onAdded(c.name);
    });

  return (
    <form
      className="catalog-form"
      data-testid="add-category-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{t('catalog.addCategory')}</h3>
      <label className="field">
        <span>{t('catalog.categoryName')}</span>
        <input data-testid="new-category-name" value={name} required onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('catalog.categoryNameEn')}</span>
        <input value={nameEn} onChange={(e) => setNameEn(e.target.value)} />
      </label>
      <button type="submit" className="primary" data-testid="create-category" disabled={busy || !name.trim()}>
        {t('catalog.addCategory')}
      </button>
    </form>
  );
}
