import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog, Park } from '../../../../src-main/shared/model.ts';
import { errorText } from '../../app/errors.ts';
import { call } from '../../bridge/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { CatalogForm, DecimalsField, SelectField, TextField, useCatalogChoices } from './form-fields.tsx';

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
  const choices = useCatalogChoices(catalog);
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
    <CatalogForm testId="add-indicator-form" title={t('catalog.addIndicator')} onSubmit={() => void submit()}>
      <SelectField label={t('catalog.category')} testId="new-indicator-category" value={categoryCode} onChange={setCategoryCode} choices={choices.categories} />
      <TextField label={t('catalog.name')} testId="new-indicator-name" value={name} required onChange={setName} />
      <TextField label={t('catalog.nameEn')} testId="new-indicator-name-en" value={nameEn} onChange={setNameEn} />
      <div className="field-row">
        <SelectField label={t('catalog.unit')} testId="new-indicator-unit" value={unit} onChange={setUnit} choices={choices.units} />
        <DecimalsField testId="new-indicator-decimals" value={decimals} onChange={setDecimals} />
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
    </CatalogForm>
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
    <CatalogForm testId="add-category-form" title={t('catalog.addCategory')} onSubmit={() => void submit()}>
      <TextField label={t('catalog.categoryName')} testId="new-category-name" value={name} required onChange={setName} />
      <TextField label={t('catalog.categoryNameEn')} value={nameEn} onChange={setNameEn} />
      <button type="submit" className="primary" data-testid="create-category" disabled={busy || !name.trim()}>
        {t('catalog.addCategory')}
      </button>
    </CatalogForm>
  );
}

/** Aliases as typed in one field: separated by 、 ， , ; or new lines. */
export function splitAliases(text: string): string[] {
  return text
    .split(/[、，,;；\n]+/)
    .map((a) => a.trim())
    .filter(Boolean);
}

/**
 * One indicator shaped: its fields and aliases saved together, moved, retired or restored, merged
 * into another. Each is one undo step; a refusal (an alias that names another indicator) is shown.
 */
export function EditIndicatorForm({ catalog, parks, indicatorId, onChanged, onError }: { catalog: Catalog; parks: Park[]; indicatorId: string; onChanged(name: string): void; onError(message: string | null): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const choices = useCatalogChoices(catalog);
  const ind = catalog.indicators.find((i) => i.id === indicatorId)!;
  const [name, setName] = useState(ind.name);
  const [unit, setUnit] = useState(ind.unit);
  const [categoryCode, setCategoryCode] = useState(ind.categoryCode);
  const [decimals, setDecimals] = useState(ind.decimals);
  const [scope, setScope] = useState(ind.scope ?? '');
  const [aliases, setAliases] = useState((catalog.aliases[ind.id] ?? []).join('、'));
  const [parentCode, setParentCode] = useState(ind.parentCode ?? '');
  const [onlyPark, setOnlyPark] = useState(catalog.onlyPark[ind.id] ?? '');
  const [into, setInto] = useState('');
  const [busy, run] = useSubmit(onError);
  const others = catalog.indicators.filter((i) => i.id !== ind.id && !i.retired);
  const label = (i: Catalog['indicators'][number]) => `${i.code} ${locale === 'en' && i.nameEn ? i.nameEn : i.name}`;

  const save = () =>
    run(async () => {
      const saved = await call('catalog.updateIndicator', {
        id: ind.id,
        name,
        unit,
        categoryCode,
        decimals,
        scope: scope || null,
        aliases: splitAliases(aliases),
        parentCode: parentCode || null,
        onlyParkId: onlyPark || null,
      });
      onChanged(saved.name);
    });
  const act = (action: () => Promise<unknown>) =>
    run(async () => {
      await action();
      onChanged(ind.name);
    });

  return (
    <CatalogForm
      testId="edit-indicator-form"
      title={
        <>
          {t('catalog.editIndicator')} <span className="muted">{ind.code}</span>
        </>
      }
      onSubmit={() => void save()}
    >
      <TextField label={t('catalog.name')} testId="edit-indicator-name" value={name} required onChange={setName} />
      <TextField label={t('catalog.aliases')} testId="edit-indicator-aliases" value={aliases} placeholder={t('catalog.aliasesHint')} onChange={setAliases} />
      <div className="field-row">
        <SelectField label={t('catalog.unit')} value={unit} onChange={setUnit} choices={choices.units} />
        <DecimalsField value={decimals} onChange={setDecimals} />
      </div>
      <div className="field-row">
        <SelectField label={t('catalog.category')} value={categoryCode} onChange={setCategoryCode} choices={choices.categories} />
        <TextField label={t('catalog.scope')} value={scope} onChange={setScope} />
      </div>
      <SelectField label={t('catalog.parent')} value={parentCode} onChange={setParentCode} none={t('catalog.noParent')} choices={others.map((i) => ({ value: i.code, label: label(i) }))} />
      <SelectField label={t('catalog.onlyPark')} value={onlyPark} onChange={setOnlyPark} none={t('catalog.everyPark')} choices={parks.map((p) => ({ value: p.id, label: p.name }))} />
      <div className="button-row">
        <button type="submit" className="primary" data-testid="save-indicator" disabled={busy || !name.trim()}>
          {t('catalog.save')}
        </button>
        <button type="button" disabled={busy} onClick={() => void act(() => call('catalog.moveIndicator', { id: ind.id, direction: 'up' }))}>
          ↑ {t('catalog.moveUp')}
        </button>
        <button type="button" disabled={busy} onClick={() => void act(() => call('catalog.moveIndicator', { id: ind.id, direction: 'down' }))}>
          ↓ {t('catalog.moveDown')}
        </button>
        <button type="button" data-testid="retire-indicator" disabled={busy} onClick={() => void act(() => call('catalog.retireIndicator', { id: ind.id, retired: !ind.retired }))}>
          {ind.retired ? t('catalog.restore') : t('catalog.retire')}
        </button>
      </div>
      <div className="field-row merge-row">
        <SelectField label={t('catalog.mergeInto')} testId="merge-target" value={into} onChange={setInto} none="—" choices={others.map((i) => ({ value: i.id, label: label(i) }))} />
        <button type="button" data-testid="merge-indicator" disabled={busy || !into} onClick={() => void act(() => call('catalog.mergeIndicators', { fromId: ind.id, intoId: into }))}>
          {t('catalog.merge')}
        </button>
      </div>
      <p className="muted small">{t('catalog.mergeHint')}</p>
    </CatalogForm>
  );
}

/** A unit of the store's own: its name and what one of it is in a unit the catalogue knows. */
export function AddUnitForm({ onAdded, onError }: FormProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [equals, setEquals] = useState('');
  const [busy, run] = useSubmit(onError);
  const submit = () =>
    run(async () => {
      const u = await call('catalog.addUnit', { code, equals });
      setCode('');
      setEquals('');
      onAdded(u.code);
    });
  return (
    <CatalogForm testId="add-unit-form" title={t('catalog.addUnit')} onSubmit={() => void submit()}>
      <div className="field-row">
        <TextField label={t('catalog.unitName')} testId="new-unit-code" value={code} placeholder="万平方米" required onChange={setCode} />
        <TextField label={t('catalog.unitEquals')} testId="new-unit-equals" value={equals} placeholder="0.01 平方公里" required onChange={setEquals} />
      </div>
      <button type="submit" className="primary" data-testid="create-unit" disabled={busy || !code.trim() || !equals.trim()}>
        {t('catalog.addUnit')}
      </button>
    </CatalogForm>
  );
}

const MEANINGS = ['above', 'below', 'about', 'atLeast'] as const;
const PLACES = ['before', 'infix', 'after'] as const;

/** A qualifier of the store's own (超过): what it says about the number and where copy writes it. */
export function AddQualifierForm({ onAdded, onError }: FormProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [meaning, setMeaning] = useState<(typeof MEANINGS)[number]>('above');
  const [at, setAt] = useState<(typeof PLACES)[number]>('before');
  const [busy, run] = useSubmit(onError);
  const submit = () =>
    run(async () => {
      const q = await call('catalog.addQualifier', { code, meaning, at });
      setCode('');
      onAdded(q.code);
    });
  return (
    <CatalogForm testId="add-qualifier-form" title={t('catalog.addQualifier')} onSubmit={() => void submit()}>
      <div className="field-row">
        <TextField label={t('catalog.qualifierWord')} testId="new-qualifier-code" value={code} placeholder="超过" required onChange={setCode} />
        <SelectField label={t('catalog.meaning')} value={meaning} onChange={(v) => setMeaning(v as (typeof MEANINGS)[number])} choices={MEANINGS.map((m) => ({ value: m, label: t(`catalog.meanings.${m}`) }))} />
        <SelectField label={t('catalog.place')} value={at} onChange={(v) => setAt(v as (typeof PLACES)[number])} choices={PLACES.map((p) => ({ value: p, label: t(`catalog.places.${p}`) }))} />
      </div>
      <button type="submit" className="primary" data-testid="create-qualifier" disabled={busy || !code.trim()}>
        {t('catalog.addQualifier')}
      </button>
    </CatalogForm>
  );
}
