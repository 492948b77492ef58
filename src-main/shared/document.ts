// A briefing document: the prose of one park and period, with figures written as placeholders
// ({地区生产总值}, {新材料产业产值|同比}) that every export fills from the store. Prose and figures
// are kept apart so that a corrected figure corrects every document that quotes it.

import { z } from 'zod';
import type { ChartData } from './chart/model.ts';

const text = (max: number) => z.string().max(max);
/** A paragraph: prose with placeholders. Kept as one string so that office staff can read it. */
const paragraph = text(20_000);

export const SHA256 = /^[0-9a-f]{64}$/;
export const MAX_BODY_CHARS = 2_000_000;

export const sectionSchema = z
  .object({
    /** As written ("聚焦招商引资，项目支撑形成新优势"); the bulletin adds 一、/（一）/1./（1） itself. */
    heading: text(200),
    /** 1 = 一、 · 2 = （一） · 3 = 1. · 4 = （1） in a bulletin; in the magazine a bold heading one level below the title. */
    level: z.number().int().min(1).max(4),
    paragraphs: z.array(paragraph).max(500),
  })
  .strict();

export const photoRefSchema = z
  .object({
    /** Content hash of the image bytes kept in the store's photo table. */
    photo: z.string().regex(SHA256),
    caption: text(300),
    /** "高新区管委会供图", "记者王俊星摄". */
    credit: text(100),
    /** Placed after this section (0-based); -1 = after the lead. */
    afterSection: z.number().int().min(-1).max(500),
    /** In the magazine, across one column (the default) or both; the bulletin sets every photo across its type area. */
    span: z.enum(['column', 'full']).optional(),
    /**
     * In the magazine, where the photo stands: in the text after its section (flow, the default), at
     * the top of the column its anchor falls in — of the page, for a photo across both columns (top),
     * or at the foot of that column (foot; a photo across both columns stands in the text).
     */
    place: z.enum(['flow', 'top', 'foot']).optional(),
  })
  .strict();

export const magazineLayoutSchema = z
  .object({
    columnZh: text(40),
    columnEn: text(80),
    /** Magazine page number of the feature's first page (e.g. 40). */
    firstPage: z.number().int().min(1).max(9999),
    /** The issue as printed in the footer ("2023.08"). */
    issue: text(20),
  })
  .strict();

export const bulletinLayoutSchema = z
  .object({
    /** Masthead, printed in red ("楚雄高新区工作简报"). */
    name: text(40),
    /** 第X期 */
    number: text(20),
    /** 总第X期, printed after 第X期 in brackets; blank leaves it out. */
    totalNumber: text(20).optional(),
    /** 内部资料, printed top left above the masthead. */
    internal: z.boolean().optional(),
    /**
     * 编者按: the editor's note under the masthead, before the title, in 楷体 after a 黑体 编者按：;
     * a line break starts a new paragraph; blank leaves it out.
     */
    editorNote: text(2000).optional(),
    issuer: text(80),
    /** Date as printed, "2023年8月15日". */
    date: text(40),
    /** 报/送/发 lines of the end block; an empty line is left out. */
    reportTo: text(300),
    copyTo: text(300),
    sendTo: text(300),
    copies: z.number().int().min(0).max(100_000),
  })
  .strict();

export const documentBodySchema = z
  .object({
    title: text(200),
    subtitle: text(200),
    byline: text(100),
    lead: z.array(paragraph).max(100),
    sections: z.array(sectionSchema).max(200),
    photos: z.array(photoRefSchema).max(100),
    magazine: magazineLayoutSchema,
    bulletin: bulletinLayoutSchema,
  })
  .strict()
  // The field limits multiply out to far more than any briefing; the whole body is capped too, as
  // it crosses IPC and is kept in the change log.
  .refine((b) => JSON.stringify(b).length <= MAX_BODY_CHARS, { message: `document longer than ${MAX_BODY_CHARS} characters` });

export type DocumentBody = z.infer<typeof documentBodySchema>;
export type Section = z.infer<typeof sectionSchema>;
export type PhotoRef = z.infer<typeof photoRefSchema>;
export type MagazineLayout = z.infer<typeof magazineLayoutSchema>;
export type BulletinLayout = z.infer<typeof bulletinLayoutSchema>;

export const TEMPLATES = ['magazine', 'bulletin'] as const;
export type Template = (typeof TEMPLATES)[number];

/** A park-period's document as the editor sees it. */
export interface BriefDocument {
  id: string;
  parkId: string;
  periodId: string;
  body: DocumentBody;
  updatedAt: string;
  updatedBy: string;
}

export interface PhotoInfo {
  sha256: string;
  mime: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

/** Where in a document a paragraph stands, for problem lists ("第2节 第3段"). */
export interface TextPlace {
  field: 'title' | 'subtitle' | 'byline' | 'lead' | 'heading' | 'paragraph' | 'caption';
  /** Section index for heading/paragraph; photo index for caption. */
  section?: number;
  /** Paragraph index within the lead or the section. */
  paragraph?: number;
}

export const PROBLEM_CODES = [
  'SYNTAX',
  'UNKNOWN_INDICATOR',
  'UNKNOWN_PERIOD',
  'UNKNOWN_OPTION',
  'NO_VALUE',
  'NO_GROWTH',
  'NO_BASELINE',
  'UNIT_MISMATCH',
  'CONFLICTING_OPTIONS',
  'BAD_VALUE',
  'UNKNOWN_PARK',
  'TOO_MANY_INDICATORS',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** A chart block ({图表：…}) with its figures read from the store: drawn by the preview and the exports. */
export interface ResolvedChart {
  data: ChartData;
  /** As written after 标题=, or null for the chart's own (楚雄高新区地区生产总值). */
  title: string | null;
  /** The source line printed below the chart. */
  credit: string;
}

/** A figure's source note as the store keeps it (the grid's 来源/备注): an export may print it as a footnote or in a list of sources. */
export interface FigureNote {
  indicator: string;
  /** The period's key (2022, 2018M1-4). */
  period: string;
  text: string;
}

/**
 * A run of resolved text: plain prose, a figure written from the store, an unresolved marker, or a
 * chart — always a paragraph's only run; its text is the chart's title, so that whatever reads the
 * runs as text still reads something sensible.
 */
export type Run =
  | { kind: 'text'; text: string }
  | { kind: 'figure'; text: string; source: string; note?: FigureNote }
  | { kind: 'marker'; text: string; source: string; problem: ProblemCode }
  | { kind: 'chart'; text: string; source: string; chart: ResolvedChart };

/** The chart a paragraph is, if it is one. */
export function chartOf(runs: readonly Run[]): ResolvedChart | null {
  const [only] = runs;
  return runs.length === 1 && only!.kind === 'chart' ? only!.chart : null;
}

export interface Problem {
  place: TextPlace;
  /** The placeholder as written, "{地区生产总值|同比}". */
  source: string;
  code: ProblemCode;
  params: Record<string, string>;
}

export interface ResolvedSection {
  heading: Run[];
  level: number;
  paragraphs: Run[][];
}

/** Where the magazine sets a photo: 随文, 栏首 (页首 across both columns), 栏底. */
export type PhotoPlace = 'flow' | 'top' | 'foot';

export interface ResolvedPhoto {
  sha256: string;
  mime: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  caption: Run[];
  credit: string;
  afterSection: number;
  /** Across one column or both (the magazine). */
  span: 'column' | 'full';
  /** In the text, at the top of its column (of its page when across both), or at its column's foot: the magazine. */
  place: PhotoPlace;
}

/** A document with every placeholder resolved: what previews show and exporters write. */
export interface ResolvedDocument {
  parkName: string;
  periodLabel: string;
  title: Run[];
  subtitle: Run[];
  byline: string;
  lead: Run[][];
  sections: ResolvedSection[];
  photos: ResolvedPhoto[];
  magazine: MagazineLayout;
  bulletin: BulletinLayout;
  problems: Problem[];
}

export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}
