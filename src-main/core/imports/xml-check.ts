// Every XML part of a user's file is walked once before it is read: elements must close in the
// order they opened, and nest no deeper than READ_LIMITS.xmlDepth. Our scanners read by pattern and
// would find "no figures" in a sheet whose tags are scrambled, where the truth is that the file is
// damaged; and mammoth's parser recurses, so 100,000 nested elements overflowed its stack.

import { READ_LIMITS } from './limits.ts';

/** The part is not well-formed XML: the file is damaged. `detail` is for the English message only. */
export class XmlDamaged extends Error {
  readonly detail: string;
  /** The part's name as the zip holds it. */
  readonly where: string;
  /** Set when the elements nest deeper than this: no office program writes that, so it is damage too. */
  readonly tooDeep: number | undefined;
  constructor(where: string, detail: string, tooDeep?: number) {
    super(`${where}: ${detail}`);
    this.where = where;
    this.detail = detail;
    this.tooDeep = tooDeep;
  }
}

const isNameEnd = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62;

/**
 * Throws XmlDamaged, with tooDeep set past the depth limit. Comments, CDATA, processing instructions and quoted
 * attribute values (which may hold > and />) are skipped; text and entities are not checked.
 */
export function checkXml(xml: string, part: string, max: number = READ_LIMITS.xmlDepth): void {
  // The open elements' names as positions in the text, not strings: a million slices cost more
  // than the check itself. Depth is bounded by max, so the stack is too.
  const starts = new Int32Array(max + 1);
  const lengths = new Int32Array(max + 1);
  let depth = 0;
  const n = xml.length;
  const nameAt = (k: number) => xml.slice(starts[k]!, starts[k]! + Math.min(lengths[k]!, 40));
  const damaged = (why: string) => new XmlDamaged(part.slice(0, 100), why);
  // The next " and ' at or after a position, searched again only once passed: searching afresh for
  // every tag would rescan to the end of a part that has no ' at all (minutes on a 10 MB sheet).
  let dq = -1;
  let sq = -1;
  // -1: not searched yet; -2: there is none further on.
  const next = (quote: '"' | "'", from: number, at: number): number => {
    if (at === -2 || at >= from) return at;
    const i = xml.indexOf(quote, from);
    return i < 0 ? -2 : i;
  };
  /** The > ending the tag whose attributes start at `from`, skipping quoted values; -1 when there is none. */
  const tagEnd = (from: number): number => {
    let j = from;
    for (;;) {
      const gt = xml.indexOf('>', j);
      if (gt < 0) return -1;
      dq = next('"', j, dq);
      sq = next("'", j, sq);
      const q = dq < 0 ? sq : sq < 0 ? dq : Math.min(dq, sq);
      if (q < 0 || q > gt) return gt;
      const close = xml.indexOf(xml[q]!, q + 1);
      if (close < 0) return -1;
      j = close + 1;
    }
  };
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) {
    const c = xml.charCodeAt(i + 1);
    if (c === 33 || c === 63) {
      // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE>, <?xml ?>: no element opens.
      const end = xml.startsWith('<!--', i) ? xml.indexOf('-->', i + 4) : xml.startsWith('<![CDATA[', i) ? xml.indexOf(']]>', i + 9) : xml.indexOf('>', i + 2);
      if (end < 0) throw damaged('unterminated comment or declaration');
      i = end;
      continue;
    }
    const closing = c === 47;
    let j = closing ? i + 2 : i + 1;
    const nameStart = j;
    while (j < n && !isNameEnd(xml.charCodeAt(j))) j++;
    const nameLength = j - nameStart;
    const name = () => xml.slice(nameStart, nameStart + Math.min(nameLength, 40));
    if (nameLength === 0) throw damaged(`"<" without an element name at ${i}`);
    j = tagEnd(j);
    if (j < 0) throw damaged(`<${name()}> is cut off`);
    if (closing) {
      if (depth === 0) throw damaged(`</${name()}> closes nothing`);
      depth--;
      if (lengths[depth] !== nameLength || !sameName(xml, starts[depth]!, nameStart, nameLength)) throw damaged(`</${name()}> closes <${nameAt(depth)}>`);
    } else if (xml.charCodeAt(j - 1) !== 47) {
      if (depth >= max) throw new XmlDamaged(part.slice(0, 100), `elements nested deeper than ${max} levels`, max);
      starts[depth] = nameStart;
      lengths[depth] = nameLength;
      depth++;
    }
    i = j;
  }
  if (depth > 0) throw damaged(`<${nameAt(depth - 1)}> never closed`);
}

function sameName(xml: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (xml.charCodeAt(a + k) !== xml.charCodeAt(b + k)) return false;
  return true;
}
