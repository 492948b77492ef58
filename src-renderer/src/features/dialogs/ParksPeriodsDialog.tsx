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
        <ManageSection
          title={t('top.park')}
          add={{ label: t('top.addPark'), testId: 'add-park', onClick: () => onAdd('park') }}
          rows={parks.map((p) => ({ id: p.id, name: p.name, rowAttr: { 'data-manage-park': p.name }, inputLabel: t('manage.newName', { name: p.name }) }))}
          renameLabel={t('manage.rename')}
          renameTestId="rename-park"
          deleteTestId="delete-park"
          edited={edited}
          onEdit={(id, v) => setNames({ ...names, [id]: v })}
          onRename={(row, to) => void run(() => call('parks.update', { id: row.id, name: to }), t('manage.renamed', { from: row.name, to: to.trim() }))}
          onDelete={(row) => void remove({ what: 'park', item: parks.find((p) => p.id === row.id)! }, false)}
        />
        <ManageSection
          title={t('top.period')}
          add={{ label: t('top.addPeriod'), testId: 'add-period', onClick: () => onAdd('period') }}
          rows={periods.map((p) => ({ id: p.id, name: p.key, note: p.label, rowAttr: { 'data-manage-period': p.key }, inputLabel: t('manage.newKey', { key: p.key }) }))}
          renameLabel={t('manage.rekey')}
          deleteTestId="delete-period"
          edited={edited}
          onEdit={(id, v) => setNames({ ...names, [id]: v })}
          onRename={(row, to) => void run(() => call('periods.update', { id: row.id, key: to }), t('manage.renamed', { from: row.name, to: to.trim() }))}
          onDelete={(row) => void remove({ what: 'period', item: periods.find((p) => p.id === row.id)! }, false)}
        />
      </div>
      <p className="muted small">{t('manage.hint')}</p>
    </Dialog>
  );
}

interface ManageRow {
  id: string;
  /** What the row is called now: a park's name, a period's key. */
  name: string;
  /** Shown beside the field (a period's label). */
  note?: string;
  rowAttr: Record<string, string>;
  inputLabel: string;
}

/** One list of the dialog (parks or periods): each row renamed in place or deleted, and an add button. */
function ManageSection(props: {
  title: string;
  add: { label: string; testId: string; onClick(): void };
  rows: ManageRow[];
  renameLabel: string;
  renameTestId?: string;
  deleteTestId: string;
  edited(id: string, fallback: string): string;
  onEdit(id: string, value: string): void;
  onRename(row: ManageRow, to: string): void;
  onDelete(row: ManageRow): void;
}) {
  const { t } = useTranslation();
  return (
    <section>
      <h3 className="manage-head">
        {props.title}
        <button type="button" data-testid={props.add.testId} onClick={props.add.onClick}>
          + {props.add.label}
        </button>
      </h3>
      <table className="manage-table">
        <tbody>
          {props.rows.map((row) => {
            const value = props.edited(row.id, row.name);
            return (
              <tr key={row.id} {...row.rowAttr}>
                <td>
                  <input aria-label={row.inputLabel} value={value} onChange={(e) => props.onEdit(row.id, e.target.value)} />
                </td>
                {row.note !== undefined && <td className="muted">{row.note}</td>}
                <td>
                  <button type="button" data-testid={props.renameTestId} disabled={!value.trim() || value.trim() === row.name} onClick={() => props.onRename(row, value)}>
                    {props.renameLabel}
                  </button>
                  <button type="button" data-testid={props.deleteTestId} onClick={() => props.onDelete(row)}>
                    {t('manage.delete')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
