// The last park / period / figures kind survive a restart; a store switch simply falls back when the
// remembered ids are gone.
import type { ValueKind } from '../../../src-main/shared/model.ts';

const KEY = 'parkbrief.selection';

export interface Selection {
  parkId: string | null;
  periodId: string | null;
  kind: ValueKind;
}

export function loadSelection(): Selection {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Selection>;
    return {
      parkId: typeof raw.parkId === 'string' ? raw.parkId : null,
      periodId: typeof raw.periodId === 'string' ? raw.periodId : null,
      kind: raw.kind === 'target' ? 'target' : 'actual',
    };
  } catch {
    return { parkId: null, periodId: null, kind: 'actual' };
  }
}

export function saveSelection(s: Selection): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(s));
  } catch {
    // storage refused: the selection just isn't remembered
  }
}

export const VIEWS = ['grid', 'document', 'overview'] as const;
export type View = (typeof VIEWS)[number];
const VIEW_KEY = 'parkbrief.view';

export function loadView(): View {
  try {
    const v = localStorage.getItem(VIEW_KEY);
    return VIEWS.find((x) => x === v) ?? 'grid';
  } catch {
    return 'grid';
  }
}

export function saveView(v: View): void {
  try {
    localStorage.setItem(VIEW_KEY, v);
  } catch {
    // not remembered; still switched
  }
}

const CHART_PANEL_KEY = 'parkbrief.chartPanel';

/** Whether the chart beside the grid is shown; shown unless closed. */
export function loadChartPanel(): boolean {
  try {
    return localStorage.getItem(CHART_PANEL_KEY) !== 'closed';
  } catch {
    return true;
  }
}

export function saveChartPanel(open: boolean): void {
  try {
    localStorage.setItem(CHART_PANEL_KEY, open ? 'open' : 'closed');
  } catch {
    // not remembered; still switched
  }
}
