// 园区与期别: rename or delete a park, change a period's key or delete it. A deletion that would take
// figures or documents with it is first refused with their count (the core's IN_USE); the user then
// confirms the cascade, which the store writes as one undo step.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Park, Period } from '../../../../src-main/shared/model.ts';
import { errorText } from '../../app/errors.ts';
import { call, RpcError } from '../../bridge/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { Dialog } from './Dialog.tsx';

type Target = { what: 'park'; item: Park } | { what: 'period'; item: Period };

export function ParksPeriodsDialog({
  parks,
  periods,
  onChanged,
  onAdd,
  onClose,
}: {
  parks: Park[];
  periods: Period[];
  onChanged(): void;
  /** Opens the dialog that makes a new park or period. */
  onAdd(what: 'park' | 'period'): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** A deletion the core refused for what depends on it, waiting for the user to confirm the cascade. */
  const [confirm, setConfirm] = useState<{ target: Target; message: string } | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      setError(null);
      setConfirm(null);
      setNotice(done);
      onChanged();
    } catch (e) {
      setNotice(null);
      setError(errorText(e, locale));
    }
  };

  const remove = async (target: Target, cascade: boolean) => {
    const name = target.what === 'park' ? target.item.name : target.item.key;
    try {
      if (target.what === 'park') await call('parks.delete', { id: target.item.id, cascade });
      else await call('periods.delete', { id: target.item.id, cascade });
      setError(null);
      setConfirm(null);
      setNotice(t('manage.deleted', { name }));
      onChanged();
    } catch (e) {
      if (!cascade && e instanceof RpcError && (e.body.code === 'IN_USE' || e.body.code === 'IN_USE_PARK' || e.body.code === 'IN_USE_PERIOD')) setConfirm({ target, message: errorText(e, locale) });
      else setError(errorText(e, locale));
    }
  };

  const edited = (id: string, fallback: string) => names[id] ?? fallback;

  return (
    <Dialog title={t('manage.title')} testId="manage-dialog" onClose={onClose} error={error} wide>
      {notice ? (
        <div className="notice" role="status" data-testid="manage-notice">
          {notice}
        </div>
      ) : null}
      {confirm ? (
        <div className="banner banner-error" role="alertdialog" data-testid="manage-confirm">
          <div className="banner-body">{confirm.message}</div>
          <button type="button" className="danger" data-testid="manage-confirm-delete" onClick={() => void remove(confirm.target, true)}>
            {t('manage.deleteAll')}
          </button>
          <button type="button" onClick={() => setConfirm(null)}>
            {t('dialog.cancel')}
          </button>
        </div>
      ) : null}
      <div className="manage">
        <section>
          <h3 className="manage-head">
            {t('top.park')}
            <button type="button" data-testid="add-park" onClick={() => onAdd('park')}>
              + {t('top.addPark')}
            </button>
          </h3>
          <table className="manage-table">
            <tbody>
              {parks.map((p) => (
                <tr key={p.id} data-manage-park={p.name}>
                  <td>
                    <input aria-label={t('manage.newName', { name: p.name })} value={edited(p.id, p.name)} onChange={(e) => setNames({ ...names, [p.id]: e.target.value })} />
                  </td>
                  <td>
                    <button
                      type="button"
                      data-testid="rename-park"
                      disabled={!edited(p.id, p.name).trim() || edited(p.id, p.name).trim() === p.name}
                      onClick={() => void run(() => call('parks.update', { id: p.id, name: edited(p.id, p.name) }), t('manage.renamed', { from: p.name, to: edited(p.id, p.name).trim() }))}
                    >
                      {t('manage.rename')}
                    </button>
                    <button type="button" data-testid="delete-park" onClick={() => void remove({ what: 'park', item: p }, false)}>
                      {t('manage.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section>
          <h3 className="manage-head">
            {t('top.period')}
            <button type="button" data-testid="add-period" onClick={() => onAdd('period')}>
              + {t('top.addPeriod')}
            </button>
          </h3>
          <table className="manage-table">
            <tbody>
              {periods.map((p) => (
                <tr key={p.id} data-manage-period={p.key}>
                  <td>
                    <input aria-label={t('manage.newKey', { key: p.key })} value={edited(p.id, p.key)} onChange={(e) => setNames({ ...names, [p.id]: e.target.value })} />
                  </td>
                  <td className="muted">{p.label}</td>
                  <td>
                    <button
                      type="button"
                      disabled={!edited(p.id, p.key).trim() || edited(p.id, p.key).trim() === p.key}
                      onClick={() => void run(() => call('periods.update', { id: p.id, key: edited(p.id, p.key) }), t('manage.renamed', { from: p.key, to: edited(p.id, p.key).trim() }))}
                    >
                      {t('manage.rekey')}
                    </button>
                    <button type="button" data-testid="delete-period" onClick={() => void remove({ what: 'period', item: p }, false)}>
                      {t('manage.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <p className="muted small">{t('manage.hint')}</p>
    </Dialog>
  );
}
