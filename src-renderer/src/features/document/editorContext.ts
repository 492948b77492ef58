// What every field of the editor shares: the live rendering, where the caret was last (for the
// figure picker), and a way to put the caret into a field that is about to appear.
import { createContext, useContext } from 'react';
import type { Problem, ResolvedDocument } from '../../../../src-main/shared/document.ts';
import { fieldDomId, sameField, type FieldAddr } from './fields.ts';

export interface Caret {
  addr: FieldAddr;
  start: number;
  end: number;
}

export interface EditorShared {
  resolved: ResolvedDocument | null;
  /** Called on focus, selection and typing in a field that may hold placeholders. */
  remember(caret: Caret): void;
  /** Puts the caret into a field after the next render (a new paragraph, an inserted figure). */
  focusLater(addr: FieldAddr, start?: number, end?: number): void;
}

export const EditorContext = createContext<EditorShared>({ resolved: null, remember: () => undefined, focusLater: () => undefined });

export const useEditor = () => useContext(EditorContext);

export function problemAt(problems: readonly Problem[], addr: FieldAddr, source: string): Problem | undefined {
  return problems.find((p) => p.source === source && sameField(p.place, addr));
}

/** Focuses a field's textarea and selects [start, end) in it (all of `source` when given). */
export function focusField(addr: FieldAddr, opts: { start?: number; end?: number; source?: string } = {}): boolean {
  const el = document.getElementById(fieldDomId(addr));
  if (!(el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement)) return false;
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'center', behavior: 'auto' });
  let start = opts.start;
  let end = opts.end;
  if (opts.source) {
    const i = el.value.indexOf(opts.source);
    if (i >= 0) {
      start = i;
      end = i + opts.source.length;
    }
  }
  if (start !== undefined) el.setSelectionRange(start, end ?? start);
  return true;
}
