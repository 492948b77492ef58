// Print setup shared by every sheet (DOMAIN.md, Excel): A4, upright when the table is narrow enough
// to print upright and landscape otherwise, fit to the page width and as many pages down as it
// takes, the column header repeated on each page, 第 N 页 共 M 页 below.

import type { AddWorksheetOptions, PageSetup, WorksheetView } from 'exceljs';

/** OOXML paper size 9 is A4. */
export const A4 = 9;
export const PAGE_FOOTER = '&C第 &P 页 共 &N 页';

export interface PrintOptions {
  /** Rows repeated at the top of every page, e.g. "3:3". */
  titleRows: string;
  /** Columns repeated at the left of every page across, e.g. "A:C". */
  titleColumns?: string;
  /** Pages across; 1 fits the width on one page. */
  pagesWide?: number;
  /** The printed columns' width in Excel's character units; unknown prints landscape. */
  widthChars?: number;
}

/**
 * The widest table printed upright: A4's 184 mm between the margins hold about 100 character
 * units; a little wider still reads well shrunk to the width, while landscape would halve the
 * rows a page holds and put a narrow table on twice the pages.
 */
export const PORTRAIT_MAX_CHARS = 110;

/** A4 in points, upright. */
export const A4_POINTS = { width: 595.28, height: 841.89 } as const;
/** Inches, as OOXML writes them. */
export const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 } as const;

/** What decides how many rows a printed page holds (keep-with-next.ts lays the pages out from it). */
export interface PrintGeometry {
  orientation: 'portrait' | 'landscape';
  margins: typeof MARGINS;
}

export function printGeometry(o: PrintOptions): PrintGeometry {
  return { orientation: o.widthChars !== undefined && o.widthChars <= PORTRAIT_MAX_CHARS && (o.pagesWide ?? 1) === 1 ? 'portrait' : 'landscape', margins: MARGINS };
}

export function pageSetup(o: PrintOptions): Partial<PageSetup> {
  const g = printGeometry(o);
  return {
    paperSize: A4,
    orientation: g.orientation,
    fitToPage: true,
    fitToWidth: o.pagesWide ?? 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { ...g.margins },
    printTitlesRow: o.titleRows,
    ...(o.titleColumns ? { printTitlesColumn: o.titleColumns } : {}),
  };
}

/** The options a data sheet is created with; the streaming writer takes views only here. */
export function sheetOptions(o: PrintOptions & { frozenRows: number; frozenColumns: number; outline?: boolean }): Partial<AddWorksheetOptions> {
  const view: Partial<WorksheetView> = { state: 'frozen', ySplit: o.frozenRows, xSplit: o.frozenColumns, showGridLines: false };
  return {
    views: [view],
    pageSetup: pageSetup(o),
    headerFooter: { oddFooter: PAGE_FOOTER, evenFooter: PAGE_FOOTER },
    // Category rows sit above their indicators, so the outline's summary row is above too.
    properties: { outlineProperties: { summaryBelow: false, summaryRight: true }, ...(o.outline ? { outlineLevelRow: 1 } : {}) } as AddWorksheetOptions['properties'],
  };
}
