// What a number cell means depends on its number format, which lives in styles.xml, not beside the
// value: 8.2% typed into a spreadsheet is stored as 0.082, and a date as its serial (2023-01-01 is
// 44927). Read without the format, the one is a hundred times too small and the other a count; so
// each cell style (<xf> in <cellXfs>, the cell's s="") is classed here as percent, date or plain.

export type NumberKind = 'percent' | 'date';

/** Built-in formats (ECMA-376 Part 1 §18.8.30) that are percent or date; ids 27–36 and 50–58 are the East Asian dates. */
const BUILTIN: ReadonlyMap<number, NumberKind> = new Map<number, NumberKind>([
  [9, 'percent'],
  [10, 'percent'],
  ...[14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47].map((id) => [id, 'date'] as [number, NumberKind]),
  ...Array.from({ length: 10 }, (_, i) => [27 + i, 'date'] as [number, NumberKind]),
  ...Array.from({ length: 9 }, (_, i) => [50 + i, 'date'] as [number, NumberKind]),
]);

/**
 * A format code's kind. Quoted text ("户"), escaped characters (\%), and bracketed parts ([Red],
 * [$-804], [DBNum1]) are literal or modifiers, so only what is left counts: a % there scales the
 * value by 100, and y/m/d/h/s make it a date or time. Only the first section (positive numbers)
 * decides; the others format the same value.
 */
export function formatKind(code: string): NumberKind | undefined {
  const first = code.split(/(?<!\\);/)[0] ?? '';
  const bare = first
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_.|\*./g, '')
    .replace(/\[[^\]]*\]/g, '');
  if (bare.includes('%')) return 'percent';
  if (/[yYmMdDhHsS]/.test(bare) && !/^general$/i.test(bare.trim())) return 'date';
  return undefined;
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag)?.slice(1).find((v) => v !== undefined);
}

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The kind of each cell style, indexed as cells' s="" index <cellXfs>; undefined for plain numbers. */
export function numberKinds(stylesXml: string): (NumberKind | undefined)[] {
  const custom = new Map<number, NumberKind | undefined>();
  for (const m of stylesXml.matchAll(/<(?:[\w.-]+:)?numFmt\b[^>]*?\/?>/g)) {
    const id = Number(attr(m[0], 'numFmtId'));
    const code = attr(m[0], 'formatCode');
    if (Number.isInteger(id) && code !== undefined) custom.set(id, formatKind(unescape(code)));
  }
  const xfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(stylesXml)?.[1] ?? '';
  const kinds: (NumberKind | undefined)[] = [];
  for (const m of xfs.matchAll(/<(?:[\w.-]+:)?xf\b[^>]*?\/?>/g)) {
    const id = Number(attr(m[0], 'numFmtId') ?? '0');
    kinds.push(custom.has(id) ? custom.get(id) : BUILTIN.get(id));
  }
  return kinds;
}
