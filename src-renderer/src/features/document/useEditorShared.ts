// The caret memory and deferred focus the editor's fields share (EditorContext).
import { useCallback, useMemo, useRef } from 'react';
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

  const focusLater = useCallback((addr: FieldAddr, start?: number, end?: number) => {
    requestAnimationFrame(() => focusField(addr, { start, end }));
  }, []);

  /** The caret to insert at: the last one, if its field still exists. */
  const target = useCallback((body: DocumentBody): Caret => {
    const c = caret.current;
    return c && getFieldText(body, c.addr) !== undefined ? c : defaultCaret(body);
  }, []);

  const shared: EditorShared = useMemo(() => ({ resolved, remember, focusLater }), [resolved, remember, focusLater]);
  return { shared, target, focusLater };
}
