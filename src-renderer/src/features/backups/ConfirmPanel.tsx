// The step between choosing a destructive action and doing it: what will happen, named, with the
// confirm button focused (Esc or 取消 backs out; focus then returns to where the choice was made).
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../../src-main/shared/backups.ts';
import { useLocale } from '../../i18n/index.ts';
import { backupTitle } from './format.ts';

export interface ConfirmPanelProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  testId: string;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmPanel({ title, children, confirmLabel, busyLabel, busy, testId, onConfirm, onCancel }: ConfirmPanelProps) {
  const { t } = useTranslation();
  const headId = useId();
  return (
    <div
      className="backups-confirm"
      role="group"
      aria-labelledby={headId}
      data-testid={testId}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) {
          // Backs out of the confirmation only; a second Esc closes the dialog.
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <h3 id={headId}>{title}</h3>
      <div className="backups-confirm-body">{children}</div>
      <div className="backups-actions">
        <button type="button" className="primary" data-testid={`${testId}-go`} disabled={busy} autoFocus onClick={onConfirm}>
          {busy ? busyLabel : confirmLabel}
        </button>
        <button type="button" data-testid={`${testId}-cancel`} disabled={busy} onClick={onCancel}>
          {t('dialog.cancel')}
        </button>
      </div>
      {busy ? (
        <p className="muted" role="status">
          {busyLabel}
        </p>
      ) : null}
    </div>
  );
}

/** Restoring a backup, from the dialog or the recovery screen: the same question, the same buttons. */
export function RestoreConfirm({ backup, busy, children, onConfirm, onCancel }: { backup: BackupEntry; busy: boolean; children: ReactNode; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ConfirmPanel
      key={backup.name}
      title={t('backups.confirm.title', { title: backupTitle(backup, locale) })}
      confirmLabel={t('backups.confirm.go')}
      busyLabel={t('backups.confirm.busy')}
      busy={busy}
      testId="restore-confirm"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {children}
    </ConfirmPanel>
  );
}
