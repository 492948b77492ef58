// What an export of readable data kept from each table, and what it could not read.
import { useTranslation } from 'react-i18next';
import type { SalvageResult } from '../../../../src-main/shared/backups.ts';

export function SalvageReport({ result }: { result: SalvageResult }) {
  const { t, i18n } = useTranslation();
  const tableName = (table: string) => (i18n.exists(`backups.tables.${table}`) ? t(`backups.tables.${table}`) : table);
  return (
    <div className="notice backups-salvaged" role="status" data-testid="salvage-result">
      <p>{t('recovery.salvage.done', { name: result.saved.name })}</p>
      <table className="backups-table" aria-label={t('recovery.salvage.label')}>
        <thead>
          <tr>
            <th scope="col">{t('recovery.salvage.col.table')}</th>
            <th scope="col" className="num">
              {t('recovery.salvage.col.kept')}
            </th>
            <th scope="col" className="num">
              {t('recovery.salvage.col.unreadable')}
            </th>
            <th scope="col" className="num">
              {t('recovery.salvage.col.orphans')}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.tables.map((r) => (
            <tr key={r.table} data-testid="salvage-table" data-table={r.table} className={r.unreadableRanges || r.orphansDropped ? 'lossy' : undefined}>
              <td>
                {tableName(r.table)} <span className="muted">{r.table}</span>
              </td>
              <td className="num">{r.kept}</td>
              <td className="num">{r.unreadableRanges}</td>
              <td className="num">{r.orphansDropped}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
