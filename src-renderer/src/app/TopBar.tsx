import { useTranslation } from 'react-i18next';
import { HistoryButtons } from '../features/history/HistoryButtons.tsx';
import { KindToggle } from '../features/pickers/KindToggle.tsx';
import { ParkPicker } from '../features/pickers/ParkPicker.tsx';
import { PeriodPicker } from '../features/pickers/PeriodPicker.tsx';
import { ExcelButtons } from '../features/tables/ExcelButtons.tsx';
import { LanguageButton } from './LanguageButton.tsx';
import type { View } from './persist.ts';
import type { useWorkspace } from './useWorkspace.ts';
import { ViewSwitch } from './ViewSwitch.tsx';

export type DialogName = 'park' | 'period' | 'manage' | 'catalog' | 'settings' | 'xlsx-export' | 'import' | 'backups' | 'article';

export interface TopBarProps {
  ws: ReturnType<typeof useWorkspace>;
  open(d: DialogName): void;
  view: View;
  onView(v: View): void;
}

export function TopBar({ ws, open, view, onView }: TopBarProps) {
  const { t } = useTranslation();
  const chosen = Boolean(ws.selection.parkId && ws.selection.periodId);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-zh">{t('app.name')}</span>
        <span className="brand-en">{t('app.nameEn')}</span>
      </div>
      <ViewSwitch value={view} onChange={onView} />
      <ParkPicker parks={ws.parks ?? []} value={ws.selection.parkId} onChange={(id) => void ws.selectPark(id)} />
      <PeriodPicker periods={ws.periods ?? []} value={ws.selection.periodId} onChange={(id) => ws.select({ periodId: id })} />
      {view !== 'document' ? <KindToggle value={ws.selection.kind} onChange={ws.setKind} /> : null}
      {view === 'grid' ? <HistoryButtons history={ws.history} onUndo={ws.undo} onRedo={ws.redo} /> : null}
      <div className="spacer" />
      <ExcelButtons disabled={!chosen} onExport={() => open('xlsx-export')} onImport={() => open('import')} />
      {/* New parks and periods are made in 园区·期别, beside renaming and deleting them: one row at 1366 px. */}
      <button type="button" data-testid="open-manage" onClick={() => open('manage')}>
        {t('manage.open')}
      </button>
      <button type="button" data-testid="open-catalog" onClick={() => open('catalog')}>
        {t('top.catalog')}
      </button>
      <button type="button" data-testid="open-settings" onClick={() => open('settings')}>
        {t('top.settings')}
      </button>
      <LanguageButton />
    </header>
  );
}
