import { useMemo } from 'react';
import type { ResolvedDocument, Template } from '../../../../../src-main/shared/document.ts';
import { layoutBulletin, type BulletinLayout } from './bulletin-layout.ts';
import type { MagazineLaid } from '../../../../../src-main/shared/print-layout/magazine-place.ts';
import { layoutMagazine } from './layout.ts';

export type PreviewLayout = { template: 'magazine'; layout: MagazineLaid } | { template: 'bulletin'; layout: BulletinLayout };

/**
 * The pages of a resolved document, laid by the export's own count: nothing is measured in the
 * browser. `sources`: with the export's 注明数据来源 (the magazine's footnotes, the bulletin's list).
 * `articles`: the bulletin issue's further articles, after this document as the export binds them.
 */
export function usePreviewLayout(template: Template, doc: ResolvedDocument | null, sources = false, articles: readonly ResolvedDocument[] = NONE): PreviewLayout | null {
  return useMemo(() => {
    if (!doc) return null;
    return template === 'bulletin' ? { template, layout: layoutBulletin(doc, { sources, articles }) } : { template, layout: layoutMagazine(doc, sources) };
  }, [template, doc, sources, articles]);
}

const NONE: readonly ResolvedDocument[] = [];
