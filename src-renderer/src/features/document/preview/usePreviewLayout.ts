import { useEffect, useMemo, useState } from 'react';
import type { ResolvedDocument, Template } from '../../../../../src-main/shared/document.ts';
import { bulletinBlocks, magazineBlocks } from './blocks.ts';
import { layoutDocument, type Layout } from './layout.ts';

/**
 * The pages of a resolved document. Lines are counted off-screen with the page's fonts; when the
 * fonts finish loading the count is taken again.
 */
export function usePreviewLayout(template: Template, doc: ResolvedDocument | null, style: Record<string, string>): Layout | null {
  const [fontsLoaded, setFontsLoaded] = useState(0);
  useEffect(() => {
    let live = true;
    void document.fonts?.ready.then(() => live && setFontsLoaded((n) => n + 1));
    return () => {
      live = false;
    };
  }, []);
  const styleKey = JSON.stringify(style);
  return useMemo(() => {
    if (!doc) return null;
    const blocks = template === 'magazine' ? magazineBlocks(doc) : bulletinBlocks(doc);
    return layoutDocument(template, doc, blocks, JSON.parse(styleKey) as Record<string, string>);
    // fontsLoaded: a new count once the fonts are in
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [template, doc, styleKey, fontsLoaded]);
}
