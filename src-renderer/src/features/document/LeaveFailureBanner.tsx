import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, isOffline } from '../../app/errors.ts';
import { call } from '../../bridge/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { clearLeaveFailure, useLeaveFailures, type LeaveFailure } from './leave-failures.ts';

/**
 * 离开文稿时未能保存: shown wherever the user went, with the reason. 再次保存 sends the text again —
 * over a version saved elsewhere too, which stays in the change log (保留两份) — and 放弃 lets it go.
 */
export function LeaveFailureBanner() {
  const failures = useLeaveFailures();
  return (
    <>
      {failures.map((f) => (
        <One key={f.key} failure={f} />
      ))}
    </>
  );
}

function One({ failure }: { failure: LeaveFailure }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  const [again, setAgain] = useState<unknown>(null);
  const error = again ?? failure.error;
  const reason = isOffline(error) ? t('errors.offline') : errorText(error, locale);
  const retry = () => {
    setBusy(true);
    call('documents.save', { parkId: failure.parkId, periodId: failure.periodId, body: failure.body, keepOther: true }).then(
      () => clearLeaveFailure(failure.key),
      (e: unknown) => {
        setAgain(e);
        setBusy(false);
      },
    );
  };
  return (
    <div className="banner banner-error" role="alert" data-testid="doc-leave-failed">
      <div className="banner-body">{t('doc.save.leaveFailed', { document: failure.label, reason })}</div>
      <button type="button" className="link" disabled={busy} data-testid="doc-leave-retry" onClick={retry}>
        {t('doc.save.leaveRetry')}
      </button>
      <button type="button" className="link" disabled={busy} data-testid="doc-leave-drop" onClick={() => clearLeaveFailure(failure.key)}>
        {t('doc.save.leaveDrop')}
      </button>
    </div>
  );
}
