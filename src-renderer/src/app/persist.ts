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

export type View = 'grid' | 'document';
const VIEW_KEY = 'parkbrief.view';

export function loadView(): View {
  try {
    return localStorage.getItem(VIEW_KEY) === 'document' ? 'document' : 'grid';
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
