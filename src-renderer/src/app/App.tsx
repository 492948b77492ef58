import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CatalogEditor } from '../features/catalog/CatalogEditor.tsx';
import { BackupDialog } from '../features/backups/BackupDialog.tsx';
import { StoreGate, type StoreGateApi } from '../features/backups/StoreGate.tsx';
import { StoreNoticeBanner } from '../features/backups/StoreNoticeBanner.tsx';
import { AddParkDialog } from '../features/dialogs/AddParkDialog.tsx';
import { AddPeriodDialog } from '../features/dialogs/AddPeriodDialog.tsx';
import { ArticleImportDialog } from '../features/document/article/ArticleImportDialog.tsx';
import { ParksPeriodsDialog } from '../features/dialogs/ParksPeriodsDialog.tsx';
import { DocumentView } from '../features/document/DocumentView.tsx';
import { LeaveFailureBanner } from '../features/document/LeaveFailureBanner.tsx';
import { TrendPanel } from '../features/charts/TrendPanel.tsx';
import { IndicatorGrid } from '../features/grid/IndicatorGrid.tsx';
import { OverviewView } from '../features/overview/OverviewView.tsx';
import { SettingsDialog } from '../features/settings/SettingsDialog.tsx';
import { TableExportDialog } from '../features/tables/export/TableExportDialog.tsx';
import { ImportDialog } from '../features/tables/import/ImportDialog.tsx';
import { useLocale } from '../i18n/index.ts';
import { call, RpcError } from '../bridge/index.ts';
import { errorText, isOffline } from './errors.ts';
import { loadChartPanel, loadView, saveChartPanel, saveView, type View } from './persist.ts';
import { StatusLine } from './StatusLine.tsx';
import { TopBar, type DialogName } from './TopBar.tsx';
import { useWorkspace } from './useWorkspace.ts';

/** The recovery screen until the store opens; the workspace, new for each store it is given. */
export function App() {
  return <StoreGate>{(store) => <Workspace key={store.generation} store={store} />}</StoreGate>;
}

function Workspace({ store }: { store: StoreGateApi }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const ws = useWorkspace();
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const [view, setView] = useState<View>(loadView);
  const [settingsVersion, setSettingsVersion] = useState(0);
  const [chartIds, setChartIds] = useState<string[]>([]);
  const [chartPanel, setChartPanel] = useState(loadChartPanel);
  const showChartPanel = (open: boolean) => {
    setChartPanel(open);
    saveChartPanel(open);
  };
  const onSelectRows = useCallback((ids: string[]) => setChartIds(ids), []);
  // A document written elsewhere (an article applied or undone) is read again: the view is mounted anew.
  const [docVersion, setDocVersion] = useState(0);
  const close = () => setDialog(null);
  const { selection, grid } = ws;
  const park = ws.parks?.find((p) => p.id === selection.parkId);
  const period = ws.periods?.find((p) => p.id === selection.periodId);
  const changeView = (v: View) => {
    setView(v);
    saveView(v);
  };
  const target = selection.parkId && selection.periodId ? { parkId: selection.parkId, periodId: selection.periodId, kind: selection.kind } : null;
  const gridKey = `${selection.parkId}|${selection.periodId}|${selection.kind}`;
  const gridMatches = grid && grid.park.id === selection.parkId && grid.period.id === selection.periodId && grid.kind === selection.kind;
  const storeLost = ws.failure instanceof RpcError && ws.failure.body.code === 'STORE_NOT_OPEN';
  const { recheck } = store;
  useEffect(() => {
    if (storeLost) recheck();
  }, [storeLost, recheck]);

  return (
    <div className="app">
      <TopBar ws={ws} open={setDialog} view={view} onView={changeView} />
      {store.notice ? <StoreNoticeBanner notice={store.notice} onOpenBackups={() => setDialog('backups')} onDismiss={store.dismissNotice} /> : null}
      {ws.failure ? (
        <div className="banner banner-error" role="alert" data-testid={isOffline(ws.failure) ? 'offline-banner' : 'error-banner'}>
          <div className="banner-body">{isOffline(ws.failure) ? t('errors.offline') : t('errors.generic', { message: errorText(ws.failure, locale) })}</div>
          <button type="button" className="link" onClick={() => void ws.refresh()}>
            {t('errors.retry')}
          </button>
          <button type="button" className="link" onClick={ws.dismissFailure}>
            {t('grid.dismiss')}
          </button>
        </div>
      ) : null}
      <LeaveFailureBanner />
      <main className="main">
        {ws.parks && ws.parks.length === 0 ? (
          <Empty text={t('empty.noParks')} action={t('top.addPark')} testId="empty-parks" onClick={() => setDialog('park')} />
        ) : ws.periods && ws.periods.length === 0 ? (
          <Empty text={t('empty.noPeriods')} action={t('top.addPeriod')} testId="empty-periods" onClick={() => setDialog('period')} />
        ) : view === 'document' ? (
          park && period ? (
            <DocumentView
              key={`${park.id}|${period.id}|${docVersion}`}
              park={park}
              period={period}
              periods={ws.periods ?? []}
              settingsVersion={settingsVersion}
              fromArticle={() => setDialog('article')}
            />
          ) : (
            <p className="loading muted">{t('grid.loading')}</p>
          )
        ) : view === 'overview' ? (
          period ? (
            <OverviewView
              periodId={period.id}
              kind={selection.kind}
              onOpenPark={(parkId) => {
                void ws.selectPark(parkId);
                changeView('grid');
              }}
            />
          ) : (
            <p className="loading muted">{t('grid.loading')}</p>
          )
        ) : gridMatches ? (
          <div className="grid-with-chart">
            <IndicatorGrid
              key={gridKey}
              grid={grid}
              commit={ws.commit}
              matchNames={ws.matchNames}
              search={ws.catalog?.search ?? []}
              undo={ws.undo}
              redo={ws.redo}
              showAll={ws.showAll}
              onShowAll={ws.setShowAll}
              onSelectRows={onSelectRows}
            />
            {chartPanel && chartIds.length ? (
              <TrendPanel grid={grid} indicatorIds={chartIds} onClose={() => showChartPanel(false)} />
            ) : !chartPanel ? (
              <button type="button" className="chart-panel-open" data-testid="chart-panel-open" onClick={() => showChartPanel(true)}>
                {t('charts.open')}
              </button>
            ) : null}
          </div>
        ) : (
          <p className="loading muted">{t('grid.loading')}</p>
        )}
      </main>
      <StatusLine status={ws.status} info={ws.info} onBackups={() => setDialog('backups')} />
      {dialog === 'park' ? (
        <AddParkDialog
          onClose={close}
          onCreated={(p) => {
            close();
            void ws.parkCreated(p);
          }}
        />
      ) : null}
      {dialog === 'period' ? (
        <AddPeriodDialog
          periods={ws.periods ?? []}
          onClose={close}
          onCreated={(p) => {
            close();
            void ws.periodCreated(p);
          }}
        />
      ) : null}
      {dialog === 'manage' ? <ParksPeriodsDialog parks={ws.parks ?? []} periods={ws.periods ?? []} onChanged={() => void ws.refresh()} onAdd={setDialog} onClose={close} /> : null}
      {dialog === 'settings' ? (
        <SettingsDialog
          onClose={close}
          onSaved={() => {
            close();
            setSettingsVersion((n) => n + 1);
          }}
        />
      ) : null}
      {dialog === 'backups' ? <BackupDialog onClose={close} onRestored={store.restored} onRestoreFailed={store.recheck} /> : null}
      {dialog === 'catalog' ? <CatalogEditor onClose={close} onChanged={() => void ws.refresh()} /> : null}
      {dialog === 'xlsx-export' && target ? <TableExportDialog parks={ws.parks ?? []} periods={ws.periods ?? []} initial={target} chartIndicatorIds={view === 'grid' ? chartIds : []} onClose={close} /> : null}
      {dialog === 'article' && park ? (
        <ArticleImportDialog
          parks={ws.parks ?? []}
          parkId={park.id}
          onApplied={(r) => {
            void ws.show(r.parkId, r.periodId);
            setDocVersion((n) => n + 1);
          }}
          onUndo={async () => {
            await call('history.undo', {});
            await ws.refresh();
            setDocVersion((n) => n + 1);
          }}
          onClose={close}
        />
      ) : null}
      {dialog === 'import' && target ? (
        <ImportDialog parks={ws.parks ?? []} periods={ws.periods ?? []} initial={target} onApplied={() => void ws.refresh()} onClose={close} />
      ) : null}
    </div>
  );
}

function Empty({ text, action, testId, onClick }: { text: string; action: string; testId: string; onClick(): void }) {
  return (
    <div className="empty" data-testid={testId}>
      <p>{text}</p>
      <button type="button" className="primary" onClick={onClick}>
        + {action}
      </button>
    </div>
  );
}
