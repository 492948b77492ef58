// The caret memory and deferred focus the editor's fields share (EditorContext).
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { DocumentBody, ResolvedDocument } from '../../../../src-main/shared/document.ts';
import { focusField, type Caret, type EditorShared } from './editorContext.ts';
import { getFieldText, type FieldAddr } from './fields.ts';

/** Where a figure goes when no field has been edited yet: the end of the first lead paragraph. */
function defaultCaret(body: DocumentBody): Caret {
  const text = body.lead[0];
  if (text !== undefined) return { addr: { field: 'lead', paragraph: 0 }, start: text.length, end: text.length };
  return { addr: { field: 'title' }, start: body.title.length, end: body.title.length };
}

export function useEditorShared(resolved: ResolvedDocument | null) {
  const caret = useRef<Caret | null>(null);

  const remember = useCallback((c: Caret) => {
    // The by-line is plain text: figures are not filled there.
    if (c.addr.field !== 'byline') caret.current = c;
  }, []);

  /**
   * The field to focus once it is rendered. Taken in the layout effect of the render that adds it, so
   * that the caret is there before the click or key that asked for it has finished: keys typed right
   * after 添加小节 go into the new heading. (A frame later, they went to the button and were lost.)
   */
  const pending = useRef<{ addr: FieldAddr; start?: number; end?: number } | null>(null);
  const focusLater = useCallback((addr: FieldAddr, start?: number, end?: number) => {
    pending.current = { addr, start, end };
    // When nothing re-renders (the field is already there), the next frame takes it.
    requestAnimationFrame(() => {
      const p = pending.current;
      if (p?.addr === addr && focusField(p.addr, { start: p.start, end: p.end })) pending.current = null;
    });
  }, []);
  useLayoutEffect(() => {
    const p = pending.current;
    if (p && focusField(p.addr, { start: p.start, end: p.end })) pending.current = null;
  });

  /** The caret to insert at: the last one, if its field still exists. */
  const target = useCallback((body: DocumentBody): Caret => {
    const c = caret.current;
    return c && getFieldText(body, c.addr) !== undefined ? c : defaultCaret(body);
  }, []);

  const shared: EditorShared = useMemo(() => ({ resolved, remember, focusLater }), [resolved, remember, focusLater]);
  return { shared, target, focusLater };
}
