// A chart's SVG as PNG, the fallback Word shows where it cannot draw SVG (Word before 2016, WPS,
// LibreOffice) and what the magazine's printer gets from an older Word. resvg rasterises; the text
// is outlined first (outline-text.ts) so that the CJK font is read once per process, not per run;
// png-encode.ts writes the file.

import { renderAsync } from '@resvg/resvg-js';
import { chartFaces } from './chart-font.ts';
import { outlineText } from './outline-text.ts';
import { encodePng } from './png-encode.ts';

/**
 * Pixels per CSS pixel of the chart. A magazine column (8.2 cm) shows a 380 px chart at 309 px: 570
 * px across it, 176 dpi, the 12 px type printed at about 7 pt with an em of 18 pixels; a bulletin
 * page (15.6 cm) shows a 589 px chart whole: 884 px, 144 dpi. 150 dpi in the column (1.27×) saved
 * 7 % of a chart's CPU but blurred the small CJK type and made the 1 px stripes of a pattern uneven;
 * twice would double the rendering and the encoding.
 */
export const PNG_ZOOM = 1.5;

/**
 * Rendered on the thread pool (several charts of a yearbook at once). resvg-js 2.6's synchronous
 * render() never frees its pixels — a megabyte a chart, 150 MB for a 100-park yearbook — and its
 * asynchronous one does.
 */
export async function chartPng(svg: string): Promise<Buffer> {
  const { regular, bold } = chartFaces();
  // Without a known Chinese face resvg looks through the system's fonts itself: slower, still legible.
  const input = regular ? outlineText(svg, regular, bold ?? regular) : svg;
  // On white every pixel is opaque: resvg's premultiplied pixels are the PNG's straight ones.
  const image = await renderAsync(input, { background: '#ffffff', fitTo: { mode: 'zoom', value: PNG_ZOOM }, font: { loadSystemFonts: regular === null } });
  return inTurn(() => encodePng(image.pixels, image.width, image.height));
}

let lastEncoding: Promise<unknown> = Promise.resolve();

/**
 * One encoding at a time: each copies the megabyte of pixels twice on its way to zlib, and a
 * yearbook's renders finish together while the exporting thread is busy; in turn, one such copy is
 * alive at once instead of a hundred.
 */
function inTurn(encode: () => Promise<Buffer>): Promise<Buffer> {
  const turn = lastEncoding.then(encode);
  lastEncoding = turn.catch(() => undefined);
  return turn;
}
