// What the app shows first: store.status decides between the workspace and the recovery screen.
// After a restore or a fresh start the status is read again, and the workspace is mounted anew
// (a new generation), so every list, grid, document and history state is read from the new store.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RestoreResult, StoreStatus } from '../../../../src-main/shared/backups.ts';
import { errorText, isOffline } from '../../app/errors.ts';
import { call } from '../../bridge/index.ts';
import { useLocale } from '../../i18n/index.ts';
import './backups.css';
import { RecoveryScreen, type FailedStatus, type StoreNotice } from './RecoveryScreen.tsx';

export interface StoreGateApi {
  /** Changes when the store under the workspace was replaced: use it as the workspace's key. */
  generation: number;
  notice: StoreNotice | null;
  dismissNotice(): void;
  restored(result: RestoreResult): void;
  /** Reads the status again: a store that stopped opening sends the user to the recovery screen. */
  recheck(): void;
}

type GateState = { step: 'checking' } | { step: 'open' } | { step: 'failed'; status: FailedStatus } | { step: 'unreachable'; error: unknown };

export function StoreGate({ children }: { children(api: StoreGateApi): ReactNode }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [state, setState] = useState<GateState>({ step: 'checking' });
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState<StoreNotice | null>(null);

  const apply = useCallback((status: StoreStatus, replaced: boolean) => {
    if (status.state === 'open') {
      // The store changed under the workspace: a new one reads everything from it.
      if (replaced) setGeneration((g) => g + 1);
      setState({ step: 'open' });
    } else {
      setNotice(null);
      setState({ step: 'failed', status });
    }
  }, []);

  const check = useCallback(
    (replaced: boolean) =>
      call('store.status', {}).then(
        (s) => apply(s, replaced),
        (e: unknown) => setState({ step: 'unreachable', error: e }),
      ),
    [apply],
  );

  useEffect(() => {
    call('store.status', {}).then(
      (s) => apply(s, false),
      (e: unknown) => setState({ step: 'unreachable', error: e }),
    );
  }, [apply]);

  const recovered = useCallback(
    (n: StoreNotice) => {
      setNotice(n);
      void check(true);
    },
    [check],
  );

  const restored = useCallback((result: RestoreResult) => recovered({ kind: 'restored', result }), [recovered]);
  const recheck = useCallback(() => void check(false), [check]);
  const dismissNotice = useCallback(() => setNotice(null), []);

  if (state.step === 'failed') return <RecoveryScreen key={state.status.error.code + state.status.storePath} status={state.status} onRecovered={recovered} />;
  if (state.step === 'checking') {
    return (
      <p className="loading muted" role="status">
        {t('recovery.checking')}
      </p>
    );
  }
  if (state.step === 'unreachable') {
    return (
      <div className="banner banner-error" role="alert" data-testid={isOffline(state.error) ? 'offline-banner' : 'error-banner'}>
        <div className="banner-body">{isOffline(state.error) ? t('errors.offline') : t('recovery.unreachable', { message: errorText(state.error, locale) })}</div>
        <button type="button" className="link" onClick={() => void check(false)}>
          {t('recovery.retry')}
        </button>
      </div>
    );
  }
  return children({ generation, notice, dismissNotice, restored, recheck });
}
