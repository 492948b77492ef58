// The catalogue: every category and indicator with its aliases. A row chosen opens its editor
// (fields, aliases, 其中 parent, park, order, retire, merge); otherwise the forms add an indicator,
// a category, a unit or a qualifier. Every change is one undo step in the store.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog, Park } from '../../../../src-main/shared/model.ts';
import { errorText } from '../../app/errors.ts';
import { call } from '../../bridge/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { Dialog } from '../dialogs/Dialog.tsx';
import { CatalogWorkbook } from './CatalogWorkbook.tsx';
import { AddCategoryForm, AddIndicatorForm, AddQualifierForm, AddUnitForm, EditIndicatorForm } from './forms.tsx';

export function CatalogEditor({ onClose, onChanged }: { onClose(): void; onChanged(): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [parks, setParks] = useState<Park[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setCatalog(await call('catalog.get', {}));
    } catch (e) {
      setError(errorText(e, locale));
    }
  }, [locale]);

  useEffect(() => {
    call('catalog.get', {}).then(setCatalog, (e: unknown) => setError(errorText(e, locale)));
    call('parks.list', {}).then(setParks, () => undefined);
  }, [locale]);

  const changed = (name: string) => {
    setNotice(t('catalog.saved', { name }));
    setError(null);
    void load();
    onChanged();
  };

  const added = (name: string) => {
    setNotice(t('catalog.added', { name }));
    setError(null);
    void load();
    onChanged();
  };

  const catName = (c: Catalog['categories'][number]) => (locale === 'en' && c.nameEn ? c.nameEn : c.name);

  return (
    <Dialog title={t('catalog.title')} testId="catalog-editor" onClose={onClose} error={error} wide>
      {notice ? (
        <div className="notice" role="status">
          {notice}
        </div>
      ) : null}
      {catalog ? (
        <div className="catalog">
          <div className="catalog-list">
            <table className="catalog-table">
              <thead>
                <tr>
                  <th>{t('catalog.code')}</th>
                  <th>{t('catalog.name')}</th>
                  <th>{t('catalog.unit')}</th>
                  <th className="num">{t('catalog.decimals')}</th>
                  <th>{t('catalog.scope')}</th>
                  <th>{t('catalog.aliases')}</th>
                  <th>{t('catalog.origin')}</th>
                </tr>
              </thead>
              <tbody>
                {[...catalog.categories]
                  .sort((a, b) => a.sort - b.sort)
                  .map((c) => {
                    const list = catalog.indicators.filter((i) => i.categoryCode === c.code);
                    return [
                      <tr key={`c-${c.code}`} className="cat-row">
                        <th colSpan={7}>
                          {catName(c)} <span className="muted">{t('catalog.count', { count: list.length })}</span>
                        </th>
                      </tr>,
                      ...list.map((i) => (
                        <tr
                          key={i.id}
                          data-catalog-indicator={i.name}
                          title={i.definition ?? undefined}
                          className={[chosen === i.id ? 'chosen' : '', i.retired ? 'retired' : ''].filter(Boolean).join(' ') || undefined}
                          onClick={() => setChosen(chosen === i.id ? null : i.id)}
                        >
                          <td className="code">{i.code}</td>
                          <td>
                            {i.parentCode ? <span className="child-prefix">{t('grid.childPrefix')}</span> : null}
                            {locale === 'en' && i.nameEn ? i.nameEn : i.name}
                          </td>
                          <td>{i.unit}</td>
                          <td className="num">{i.decimals}</td>
                          <td>{i.scope ?? ''}</td>
                          <td className="aliases muted">{(catalog.aliases[i.id] ?? []).join('、')}</td>
                          <td className={i.builtin ? 'muted' : 'custom'}>
                            {i.retired ? t('catalog.retired') : i.builtin ? t('grid.builtin') : t('grid.custom')}
                          </td>
                        </tr>
                      )),
                    ];
                  })}
              </tbody>
            </table>
          </div>
          <div className="catalog-forms">
            {chosen && catalog.indicators.some((i) => i.id === chosen) ? (
              <EditIndicatorForm key={chosen} catalog={catalog} parks={parks} indicatorId={chosen} onChanged={changed} onError={setError} />
            ) : (
              <>
                <CatalogWorkbook
                  onApplied={() => {
                    setNotice(t('catalog.wb.applied'));
                    void load();
                    onChanged();
                  }}
                  onError={setError}
                />
                <AddIndicatorForm catalog={catalog} onAdded={added} onError={setError} />
                <AddCategoryForm onAdded={added} onError={setError} />
                <AddUnitForm onAdded={added} onError={setError} />
                <AddQualifierForm onAdded={added} onError={setError} />
              </>
            )}
          </div>
        </div>
      ) : (
        <p className="muted">{t('grid.loading')}</p>
      )}
    </Dialog>
  );
}

