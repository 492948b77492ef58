// What a Word template brings to an export: its styles, its sections for one document, and what
// the package patch needs to know of it.
import type { ISectionOptions, IStylesOptions } from 'docx';
import type { ResolvedDocument } from '../../../shared/document.ts';
import type { FontMap } from '../../../shared/settings.ts';
import { bulletinMastheadLook, bulletinSections } from './bulletin.ts';
import { L as BULLETIN, OFF_GRID, bulletinStyles } from './bulletin-styles.ts';
import { BULLETIN_FRAME } from './bulletin-page.ts';
import type { RenderContext } from './context.ts';
import { COLUMN_WIDTH, MAGAZINE_BODY, MAGAZINE_STYLES, magazineSections } from './magazine.ts';
import { magazineFurnitureKey } from './magazine-page.ts';
import { textWidth } from './page.ts';
import { stylesOf } from './styles.ts';

export interface Template {
  styles: IStylesOptions;
  /** Twips: the width a chart spans (a magazine column, the bulletin's type area). */
  chartColumn: number;
  offGrid: readonly string[];
  /** The body's size, half-points (see print-rules.ts normalSize). */
  bodySize: number;
  /** Facing pages: the magazine's inside margin alternates sides. */
  mirrorMargins: boolean;
  sections: (doc: ResolvedDocument, ctx: RenderContext) => ISectionOptions[];
  /**
   * What a document's headers and footers depend on: a yearbook names them once for features that
   * print the same ones, and those that follow inherit them (a section without its own takes the
   * previous section's, ECMA-376 §17.10.5) rather than each compiling and packing four more parts.
   */
  furniture: (doc: ResolvedDocument) => string;
}

export function template(name: 'magazine' | 'bulletin', docs: readonly ResolvedDocument[], fonts: FontMap): Template {
  if (name === 'magazine')
    return { styles: stylesOf(fonts, MAGAZINE_BODY, MAGAZINE_STYLES), chartColumn: COLUMN_WIDTH, offGrid: [], bodySize: MAGAZINE_BODY.size, mirrorMargins: true, sections: magazineSections, furniture: magazineFurnitureKey };
  return {
    styles: stylesOf(fonts, BULLETIN.body, bulletinStyles(bulletinMastheadLook(docs[0]!))),
    chartColumn: textWidth(BULLETIN_FRAME),
    offGrid: OFF_GRID,
    bodySize: BULLETIN.body.size,
    mirrorMargins: false,
    sections: bulletinSections,
    // The folios, the same for every bulletin.
    furniture: () => '',
  };
}
