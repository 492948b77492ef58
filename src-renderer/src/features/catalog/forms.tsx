import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog, Park } from '../../../../src-main/shared/model.ts';
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
    <form
      className="catalog-form"
      data-testid="edit-indicator-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>
        {t('catalog.editIndicator')} <span className="muted">{ind.code}</span>
      </h3>
      <label className="field">
        <span>{t('catalog.name')}</span>
        <input data-testid="edit-indicator-name" value={name} required onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('catalog.aliases')}</span>
        <input data-testid="edit-indicator-aliases" value={aliases} placeholder={t('catalog.aliasesHint')} onChange={(e) => setAliases(e.target.value)} />
      </label>
      <div className="field-row">
        <label className="field">
          <span>{t('catalog.unit')}</span>
          <select value={unit} onChange={(e) => setUnit(e.target.value)}>
            {catalog.units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.code}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('catalog.decimals')}</span>
          <input type="number" min={0} max={6} value={decimals} onChange={(e) => setDecimals(Math.max(0, Math.min(6, Math.trunc(Number(e.target.value) || 0))))} />
        </label>
      </div>
      <div className="field-row">
        <label className="field">
          <span>{t('catalog.category')}</span>
          <select value={categoryCode} onChange={(e) => setCategoryCode(e.target.value)}>
            {catalog.categories.map((c) => (
              <option key={c.code} value={c.code}>
                {locale === 'en' && c.nameEn ? c.nameEn : c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('catalog.scope')}</span>
          <input value={scope} onChange={(e) => setScope(e.target.value)} />
        </label>
      </div>
      <label className="field">
        <span>{t('catalog.parent')}</span>
        <select value={parentCode} onChange={(e) => setParentCode(e.target.value)}>
          <option value="">{t('catalog.noParent')}</option>
          {others.map((i) => (
            <option key={i.id} value={i.code}>
              {label(i)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('catalog.onlyPark')}</span>
        <select value={onlyPark} onChange={(e) => setOnlyPark(e.target.value)}>
          <option value="">{t('catalog.everyPark')}</option>
          {parks.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
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
        <label className="field">
          <span>{t('catalog.mergeInto')}</span>
          <select data-testid="merge-target" value={into} onChange={(e) => setInto(e.target.value)}>
            <option value="">—</option>
            {others.map((i) => (
              <option key={i.id} value={i.id}>
                {label(i)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-testid="merge-indicator" disabled={busy || !into} onClick={() => void act(() => call('catalog.mergeIndicators', { fromId: ind.id, intoId: into }))}>
          {t('catalog.merge')}
        </button>
      </div>
      <p className="muted small">{t('catalog.mergeHint')}</p>
    </form>
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
    <form
      className="catalog-form"
      data-testid="add-unit-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{t('catalog.addUnit')}</h3>
      <div className="field-row">
        <label className="field">
          <span>{t('catalog.unitName')}</span>
          <input data-testid="new-unit-code" value={code} placeholder="万平方米" required onChange={(e) => setCode(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('catalog.unitEquals')}</span>
          <input data-testid="new-unit-equals" value={equals} placeholder="0.01 平方公里" required onChange={(e) => setEquals(e.target.value)} />
        </label>
      </div>
      <button type="submit" className="primary" data-testid="create-unit" disabled={busy || !code.trim() || !equals.trim()}>
        {t('catalog.addUnit')}
      </button>
    </form>
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
    <form
      className="catalog-form"
      data-testid="add-qualifier-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{t('catalog.addQualifier')}</h3>
      <div className="field-row">
        <label className="field">
          <span>{t('catalog.qualifierWord')}</span>
          <input data-testid="new-qualifier-code" value={code} placeholder="超过" required onChange={(e) => setCode(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('catalog.meaning')}</span>
          <select value={meaning} onChange={(e) => setMeaning(e.target.value as (typeof MEANINGS)[number])}>
            {MEANINGS.map((m) => (
              <option key={m} value={m}>
                {t(`catalog.meanings.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('catalog.place')}</span>
          <select value={at} onChange={(e) => setAt(e.target.value as (typeof PLACES)[number])}>
            {PLACES.map((p) => (
              <option key={p} value={p}>
                {t(`catalog.places.${p}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button type="submit" className="primary" data-testid="create-qualifier" disabled={busy || !code.trim()}>
        {t('catalog.addQualifier')}
      </button>
    </form>
  );
}
