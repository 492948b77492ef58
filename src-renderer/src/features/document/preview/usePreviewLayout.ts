import { useEffect, useMemo, useState } from 'react';
import type { ResolvedDocument, Template } from '../../../../../src-main/shared/document.ts';
import { magazineBlocks } from './blocks.ts';
import { layoutBulletin, type BulletinLayout } from './bulletin-layout.ts';
import { layoutMagazine, type Layout } from './layout.ts';

export type PreviewLayout = { template: 'magazine'; layout: Layout } | { template: 'bulletin'; layout: BulletinLayout };

/**
 * The pages of a resolved document. The magazine's lines are counted off-screen with the page's
 * fonts, and counted again when the fonts finish loading; the bulletin's are the export's count.
 */
export function usePreviewLayout(template: Template, doc: ResolvedDocument | null, style: Record<string, string>): PreviewLayout | null {
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
    // The bulletin is laid by the export's count, which needs no measuring.
    if (template === 'bulletin') return { template, layout: layoutBulletin(doc) };
    return { template, layout: layoutMagazine(doc, magazineBlocks(doc), JSON.parse(styleKey) as Record<string, string>) };
    // fontsLoaded: a new count once the fonts are in
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [template, doc, styleKey, fontsLoaded]);
}
