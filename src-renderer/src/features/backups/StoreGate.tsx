// What the app shows first: store.status decides between the workspace and the recovery screen;
// while the store is still being checked and backed up (a big one takes seconds), that progress.
// After a restore or a fresh start the status is read again, and the workspace is mounted anew
// (a new generation), so every list, grid, document and history state is read from the new store.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RestoreResult, StoreStatus, StoreTaskStatus } from '../../../../src-main/shared/backups.ts';
import { errorText, isOffline } from '../../app/errors.ts';
import { call } from '../../bridge/index.ts';
import { useLocale } from '../../i18n/index.ts';
import './backups.css';
import { RecoveryScreen, type FailedStatus, type StoreNotice } from './RecoveryScreen.tsx';
import { StoreOpening } from './StoreOpening.tsx';

/** How often the status is read again while the store opens. */
const OPENING_POLL_MS = 250;

export interface StoreGateApi {
  /** Changes when the store under the workspace was replaced: use it as the workspace's key. */
  generation: number;
  notice: StoreNotice | null;
  dismissNotice(): void;
  restored(result: RestoreResult): void;
  /** Reads the status again: a store that stopped opening sends the user to the recovery screen. */
  recheck(): void;
}

type GateState = { step: 'checking' } | { step: 'opening'; running: StoreTaskStatus | null; storePath: string } | { step: 'open' } | { step: 'failed'; status: FailedStatus } | { step: 'unreachable'; error: unknown };

/** Reads the status, and again every OPENING_POLL_MS while the store is still opening (apply returns false). */
async function readUntilOpen(apply: (s: StoreStatus) => boolean): Promise<void> {
  while (!apply(await call('store.status', {}))) await new Promise((r) => setTimeout(r, OPENING_POLL_MS));
}

export function StoreGate({ children }: { children(api: StoreGateApi): ReactNode }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [state, setState] = useState<GateState>({ step: 'checking' });
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState<StoreNotice | null>(null);

  const apply = useCallback((status: StoreStatus, replaced: boolean): boolean => {
    if (status.state === 'opening') {
      setState({ step: 'opening', running: status.running ?? null, storePath: status.storePath });
      return false;
    }
    if (status.state === 'open') {
      // The store changed under the workspace: a new one reads everything from it.
      if (replaced) setGeneration((g) => g + 1);
      setState({ step: 'open' });
    } else {
      setNotice(null);
      setState({ step: 'failed', status });
    }
    return true;
  }, []);

  const check = useCallback(
    (replaced: boolean) => readUntilOpen((s) => apply(s, replaced)).catch((e: unknown) => setState({ step: 'unreachable', error: e })),
    [apply],
  );

  useEffect(() => {
    // Unmounted, the reading stops at its next answer.
    let live = true;
    readUntilOpen((s) => !live || apply(s, false)).catch((e: unknown) => live && setState({ step: 'unreachable', error: e }));
    return () => {
      live = false;
    };
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
  if (state.step === 'opening') return <StoreOpening running={state.running} storePath={state.storePath} />;
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
