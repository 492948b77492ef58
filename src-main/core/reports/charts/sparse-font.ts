// A CFF font file (Noto Sans CJK's .ttc) opened with fontkit without holding its glyph outlines:
// the outlines are three quarters of a CJK face (14 of the 19 MB of NotoSansCJK-Regular.ttc, 65,535
// glyphs) and a chart's labels draw a few dozen of them. fontkit decodes from one buffer of the whole
// file; here that buffer is allocated zero-filled, which the system maps without backing until
// written, and filled from the file except the outlines, each of which is read in when its glyph is
// first drawn. What stays in memory is the directory, metrics, cmap and subroutines (about 5 MB a
// face) and the glyphs drawn, instead of both faces' files whole (39 MB, in every export with a chart).
// A font without CFF outlines (TrueType, as Windows' 微软雅黑) is read whole as fontkit reads it.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import * as fontkit from 'fontkit';

interface Range {
  start: number;
  end: number;
}

function readAt(fd: number, pos: number, length: number): Buffer {
  const b = Buffer.alloc(length);
  if (readSync(fd, b, 0, length, pos) !== length) throw new Error(`the font file ends before byte ${pos + length}`);
  return b;
}

/** Where each face's table directory starts: one in an .otf, several in a .ttc. */
function faceOffsets(fd: number): number[] {
  const head = readAt(fd, 0, 12);
  if (head.toString('latin1', 0, 4) !== 'ttcf') return [0];
  const offsets = readAt(fd, 12, 4 * head.readUInt32BE(8));
  return Array.from({ length: offsets.length / 4 }, (_, i) => offsets.readUInt32BE(4 * i));
}

/** The CFF tables of the file's faces (a .ttc's faces share one), by their offset. */
function cffTables(fd: number): number[] {
  const found = new Set<number>();
  for (const face of faceOffsets(fd)) {
    const tables = readAt(fd, face + 4, 2).readUInt16BE(0);
    const records = readAt(fd, face + 12, 16 * tables);
    for (let i = 0; i < tables; i++) if (records.toString('latin1', 16 * i, 16 * i + 4) === 'CFF ') found.add(records.readUInt32BE(16 * i + 8));
  }
  return [...found];
}

/** A CFF INDEX at `pos`: its items' bytes (item i from `data + offset(i)`, offsets counted from 1) and where it ends. */
function cffIndex(fd: number, pos: number): { count: number; item(i: number): Range; data: Range; end: number } {
  const head = readAt(fd, pos, 3);
  const count = head.readUInt16BE(0);
  if (count === 0) return { count, item: () => ({ start: pos + 2, end: pos + 2 }), data: { start: pos + 2, end: pos + 2 }, end: pos + 2 };
  const size = head[2]!;
  const offsets = readAt(fd, pos + 3, (count + 1) * size);
  const base = pos + 3 + offsets.length - 1;
  const at = (i: number) => base + offsets.readUIntBE(i * size, size);
  return { count, item: (i) => ({ start: at(i), end: at(i + 1) }), data: { start: base + 1, end: at(count) }, end: at(count) };
}

/** The last operand before `operator` in a CFF DICT, or undefined. */
function dictOperand(dict: Buffer, operator: number): number | undefined {
  const operands: number[] = [];
  for (let i = 0; i < dict.length; ) {
    const b = dict[i]!;
    if (b <= 21) {
      const op = b === 12 ? 1200 + dict[i + 1]! : b;
      i += b === 12 ? 2 : 1;
      if (op === operator) return operands.at(-1);
      operands.length = 0;
    } else if (b === 28) {
      operands.push(dict.readInt16BE(i + 1));
      i += 3;
    } else if (b === 29) {
      operands.push(dict.readInt32BE(i + 1));
      i += 5;
    } else if (b === 30) {
      // A real number: nibbles up to the one that is 0xf.
      for (i++; i < dict.length; ) {
        const n = dict[i++]!;
        if ((n & 0xf) === 0xf || n >> 4 === 0xf) break;
      }
      operands.push(NaN);
    } else if (b <= 246) {
      operands.push(b - 139);
      i += 1;
    } else if (b <= 250) {
      operands.push((b - 247) * 256 + dict[i + 1]! + 108);
      i += 2;
    } else if (b <= 254) {
      operands.push(-(b - 251) * 256 - dict[i + 1]! - 108);
      i += 2;
    } else i += 1;
  }
  return undefined;
}

/** The glyph outlines (the CharStrings INDEX's data) of the CFF table at `cff`, or null when its first font names none. */
function charStrings(fd: number, cff: number): Range | null {
  const names = cffIndex(fd, cff + readAt(fd, cff + 2, 1)[0]!);
  const top = cffIndex(fd, names.end);
  if (top.count === 0) return null;
  const dict = top.item(0);
  const offset = dictOperand(readAt(fd, dict.start, dict.end - dict.start), 17);
  return offset === undefined || Number.isNaN(offset) ? null : cffIndex(fd, cff + offset).data;
}

/**
 * The outlines to leave on disk, in file order, each inside the file. A table this reader cannot
 * follow (a font of a shape it does not know) leaves none: the file is then read whole, as fontkit
 * reads it, rather than the face refused.
 */
function outlineRanges(fd: number, size: number): Range[] {
  try {
    return cffTables(fd)
      .map((cff) => charStrings(fd, cff))
      .filter((r): r is Range => r !== null && r.start < r.end && r.end <= size)
      .sort((a, b) => a.start - b.start);
  } catch {
    return [];
  }
}

export interface SparseFont {
  font: fontkit.Font;
  /** Reads glyph `id`'s outline from the file if it has not been: before its path is asked for. */
  load(id: number): void;
}

/** The face `name` of `file`, its CFF outlines left on disk until drawn; null when the file has no such face. */
export function openSparse(file: string, name: string): SparseFont | null {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const skipped = outlineRanges(fd, size);
    // Zero-filled: untouched pages take no memory until written.
    const buffer = Buffer.alloc(size);
    let at = 0;
    for (const r of [...skipped, { start: buffer.length, end: buffer.length }]) {
      if (r.start > at) readSync(fd, buffer, at, r.start - at, at);
      at = Math.max(at, r.end);
    }
    const opened = fontkit.create(buffer, name) as fontkit.Font | fontkit.FontCollection | null;
    if (!opened || !('glyphForCodePoint' in opened)) return null;
    const font = opened;
    if (!skipped.length) return { font, load: () => undefined };
    const cff = (font as unknown as { 'CFF ': { topDict: { CharStrings: { offset: number; length: number }[] } } | undefined })['CFF '];
    if (!cff) throw new Error(`${file}: the face ${name} has no CFF table of its own`);
    const loaded = new Set<number>();
    return {
      font,
      load(id) {
        if (loaded.has(id)) return;
        const glyph = cff.topDict.CharStrings[id];
        if (glyph && glyph.length > 0) {
          const again = openSync(file, 'r');
          try {
            readSync(again, buffer, glyph.offset, glyph.length, glyph.offset);
          } finally {
            closeSync(again);
          }
        }
        loaded.add(id);
      },
    };
  } finally {
    closeSync(fd);
  }
}
