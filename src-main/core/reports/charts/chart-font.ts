// The CJK face the PNG of a chart is drawn with: the first of the machine's fonts that has
// Chinese (Noto Sans CJK from fonts-noto-cjk on Linux, 微软雅黑 on Windows, 华文黑体 on macOS),
// opened once per process. fontkit decodes glyphs on demand; their outlines are read from the file
// as they are first drawn (sparse-font.ts), not with the face.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as fontkit from 'fontkit';
import { openSparse } from './sparse-font.ts';

interface FaceFile {
  file: string;
  /** The face inside a collection (.ttc), by PostScript name. */
  name: string;
}

const WINDOWS_FONTS = join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts');

const REGULAR: readonly FaceFile[] = [
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' },
  { file: join(WINDOWS_FONTS, 'msyh.ttc'), name: 'MicrosoftYaHei' },
  { file: '/System/Library/Fonts/STHeiti Light.ttc', name: 'STHeitiSC-Light' },
];
const BOLD: readonly FaceFile[] = [
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', name: 'NotoSansCJKsc-Bold' },
  { file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc', name: 'NotoSansCJKsc-Bold' },
  { file: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc', name: 'NotoSansCJKsc-Bold' },
  { file: join(WINDOWS_FONTS, 'msyhbd.ttc'), name: 'MicrosoftYaHei-Bold' },
  { file: '/System/Library/Fonts/STHeiti Medium.ttc', name: 'STHeitiSC-Medium' },
];

export interface ChartFace {
  font: fontkit.Font;
  file: string;
  /** Reads glyph `id`'s outline in before its path is asked for. */
  load(id: number): void;
}

function open(candidates: readonly FaceFile[]): ChartFace | null {
  for (const c of candidates) {
    if (!existsSync(c.file)) continue;
    try {
      const opened = openSparse(c.file, c.name);
      if (opened) return { ...opened, file: c.file };
    } catch {
      // A file of another version without this face: try the next candidate.
    }
  }
  return null;
}

let faces: { regular: ChartFace | null; bold: ChartFace | null } | undefined;

/** The regular and bold faces, or null where the machine has no Chinese font we know. */
export function chartFaces(): { regular: ChartFace | null; bold: ChartFace | null } {
  if (!faces) {
    const regular = open(REGULAR);
    faces = { regular, bold: open(BOLD) ?? regular };
  }
  return faces;
}
