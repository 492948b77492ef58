import { useMemo } from 'react';
import type { ResolvedDocument, Template } from '../../../../../src-main/shared/document.ts';
import { layoutBulletin, type BulletinLayout } from './bulletin-layout.ts';
import type { MagazineLaid } from '../../../../../src-main/shared/print-layout/magazine-place.ts';
import { layoutMagazine } from './layout.ts';

export type PreviewLayout = { template: 'magazine'; layout: MagazineLaid } | { template: 'bulletin'; layout: BulletinLayout };

/**
 * The pages of a resolved document, laid by the export's own count: nothing is measured in the
 * browser. `sources`: the magazine with the export's 注明数据来源 footnotes.
 */
export function usePreviewLayout(template: Template, doc: ResolvedDocument | null, sources = false): PreviewLayout | null {
  return useMemo(() => {
    if (!doc) return null;
    return template === 'bulletin' ? { template, layout: layoutBulletin(doc) } : { template, layout: layoutMagazine(doc, sources) };
  }, [template, doc, sources]);
}
