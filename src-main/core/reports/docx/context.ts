import type { ResolvedChart } from '../../../shared/document.ts';
import type { FontMap } from '../../../shared/settings.ts';
import type { DrawnChart } from '../charts/draw.ts';

/** What a template needs beyond the document itself. */
export interface RenderContext {
  fonts: FontMap;
  /** What docx is given for a photo: a stand-in the package patch replaces by the photo (pictures.ts). */
  photo: (sha256: string) => Buffer;
  /** A chart of the documents, drawn before the templates run (drawing is asynchronous, building the document is not). */
  chart: (chart: ResolvedChart) => DrawnChart;
  /** Print each figure's source note: the magazine as footnotes, the bulletin as a list after the body (sources.ts). */
  sources?: boolean;
  /** Footnotes the file's features so far have written: Word numbers them on through the file. */
  notesSoFar?: { count: number };
}
