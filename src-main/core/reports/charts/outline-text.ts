// Text of an ECharts SVG turned into glyph outlines, for the PNG only (the SVG in Word keeps real
// text in the reader's fonts). resvg can draw the text itself, but it re-reads the whole font file
// for every text run: with a 20 MB CJK collection that is 250 ms a chart, against a budget of 50.
// Here the face is read once per process and each glyph's outline is decoded once.
//
// ECharts writes each text as one <text> with text-anchor, dominant-baseline, a font-size (and
// font-weight) in style, optional x/y and a transform; that is all this reads.

import type { Font } from 'fontkit';
import type { ChartFace } from './chart-font.ts';

const TEXT = /<text\b([^>]*)>([^<]*)<\/text>/g;
const ATTR = /([\w:-]+)="([^"]*)"/g;

/**
 * Where the alphabetic baseline sits below a y given with dominant-baseline, in em: CJK faces set
 * their ideographs in an em box from 0.88 above to 0.12 below the baseline.
 */
const BASELINE_SHIFT: Record<string, number> = { central: 0.38, middle: 0.38, hanging: 0.88, 'text-before-edge': 0.88, ideographic: -0.12, 'text-after-edge': -0.12 };

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" };

function decode(s: string): string {
  return s.replace(/&(?:amp|lt|gt|quot|apos|#39);/g, (e) => ENTITIES[e]!).replace(/&#(x?)([0-9a-f]+);/gi, (_, hex: string, n: string) => String.fromCodePoint(parseInt(n, hex ? 16 : 10)));
}

interface Glyph {
  d: string;
  advance: number;
}

const glyphCache = new WeakMap<Font, Map<number, Glyph>>();

/** One glyph's outline in font units, y up, and its advance. */
function glyph(face: ChartFace, cp: number): Glyph {
  let cache = glyphCache.get(face.font);
  if (!cache) glyphCache.set(face.font, (cache = new Map()));
  let g = cache.get(cp);
  if (!g) {
    const gl = face.font.glyphForCodePoint(cp);
    face.load(gl.id);
    g = { d: gl.path.toSVG(), advance: gl.advanceWidth };
    cache.set(cp, g);
  }
  return g;
}

/** A run of text as one path: glyphs placed by their advances, in font units from the pen's origin. */
function runPath(face: ChartFace, text: string): { parts: string[]; width: number } {
  const parts: string[] = [];
  let x = 0;
  for (const ch of text) {
    const g = glyph(face, ch.codePointAt(0)!);
    if (g.d) parts.push(x === 0 ? `<path d="${g.d}"/>` : `<path transform="translate(${x} 0)" d="${g.d}"/>`);
    x += g.advance;
  }
  return { parts, width: x };
}

function attributes(s: string): Map<string, string> {
  return new Map([...s.matchAll(ATTR)].map((m) => [m[1]!, m[2]!]));
}

/** Every <text> of `svg` as outlines of `regular` (or `bold` where the style says bold). */
export function outlineText(svg: string, regular: ChartFace, bold: ChartFace): string {
  return svg.replace(TEXT, (_all, rawAttrs: string, content: string) => {
    const a = attributes(rawAttrs);
    const style = a.get('style') ?? '';
    const size = Number(/font-size:\s*([\d.]+)px/.exec(style)?.[1] ?? 12);
    const face = /font-weight:\s*(bold|[6-9]00)/.test(style) ? bold : regular;
    const text = decode(content);
    const { parts, width } = runPath(face, text);
    const k = size / face.font.unitsPerEm;
    const anchor = a.get('text-anchor') ?? 'start';
    const dx = anchor === 'middle' ? -width * k * 0.5 : anchor === 'end' ? -width * k : 0;
    const x = Number(a.get('x') ?? 0) + dx;
    const y = Number(a.get('y') ?? 0) + (BASELINE_SHIFT[a.get('dominant-baseline') ?? ''] ?? 0) * size;
    const paint = ['fill', 'fill-opacity', 'opacity', 'stroke', 'stroke-width', 'paint-order']
      .filter((n) => a.has(n))
      .map((n) => ` ${n}="${a.get(n)}"`)
      .join('');
    const outer = a.has('transform') ? `${a.get('transform')} ` : '';
    return `<g transform="${outer}translate(${x.toFixed(2)} ${y.toFixed(2)}) scale(${k} ${-k})"${paint}>${parts.join('')}</g>`;
  });
}
