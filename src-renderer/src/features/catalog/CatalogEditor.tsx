// The catalogue: every category and indicator, and forms for the user's own. Built-in entries are
// listed but not edited here (the core never rewrites them either).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../../../src-main/shared/model.ts';
import { errorText } from '../../app/errors.ts';
import { call } from '../../bridge/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { Dialog } from '../dialogs/Dialog.tsx';
import { AddCategoryForm, AddIndicatorForm } from './forms.tsx';

export function CatalogEditor({ onClose, onChanged }: { onClose(): void; onChanged(): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setCatalog(await call('catalog.get', {}));
    } catch (e) {
      setError(errorText(e, locale));
    }
  }, [locale]);

  useEffect(() => {
    call('catalog.get', {}).then(setCatalog, (e: unknown) => setError(errorText(e, locale)));
  }, [locale]);

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
                        <th colSpan={6}>
                          {catName(c)} <span className="muted">{t('catalog.count', { count: list.length })}</span>
                        </th>
                      </tr>,
                      ...list.map((i) => (
                        <tr key={i.id} data-catalog-indicator={i.name} title={i.definition ?? undefined}>
                          <td className="code">{i.code}</td>
                          <td>
                            {i.parentCode ? <span className="child-prefix">{t('grid.childPrefix')}</span> : null}
                            {locale === 'en' && i.nameEn ? i.nameEn : i.name}
                          </td>
                          <td>{i.unit}</td>
                          <td className="num">{i.decimals}</td>
                          <td>{i.scope ?? ''}</td>
                          <td className={i.builtin ? 'muted' : 'custom'}>{i.builtin ? t('grid.builtin') : t('grid.custom')}</td>
                        </tr>
                      )),
                    ];
                  })}
              </tbody>
            </table>
          </div>
          <div className="catalog-forms">
            <AddIndicatorForm catalog={catalog} onAdded={added} onError={setError} />
            <AddCategoryForm onAdded={added} onError={setError} />
          </div>
        </div>
      ) : (
        <p className="muted">{t('grid.loading')}</p>
      )}
    </Dialog>
  );
}

