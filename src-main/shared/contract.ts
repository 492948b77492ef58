// The one API contract. Both transports (Electron IPC and loopback HTTP) end in the same dispatch(),
// which validates every input against these schemas before a handler sees it.

import { z } from 'zod';
import { backupNameSchema, type BackupEntry, type BackupList, type RestoreResult, type SalvageResult, type StoreStatus } from './backups.ts';
import type { Overview, TrendData } from './chart/model.ts';
import type { CheckWarning } from './checks.ts';
import { nameSchema } from './names.ts';
import { documentBodySchema, SHA256, TEMPLATES, type BriefDocument, type PhotoInfo, type ResolvedDocument } from './document.ts';
import type { AppInfo, Catalog, Grid, HistoryState, Indicator, Park, Period, QualifierInfo, UnitInfo } from './model.ts';
import { EDITABLE_FIELDS } from './model.ts';
import { settingsPatchSchema, type Settings } from './settings.ts';
import { formFrameSchema, IMPORT_MAX_BYTES, importFileSchema, TABLE_TEMPLATES, type CatalogImportPreview, type ImportApplied, type ImportPreview } from './tables.ts';
import { JOB_METHODS, type JobStatus } from './jobs.ts';
import { acceptedFigureSchema, MAX_ARTICLE_FIGURES, type ArticleApplied, type ArticleReview } from './extraction.ts';

const id = z.uuid();
const name = nameSchema(100);
const optText = (max: number) => z.string().trim().max(max).nullable().optional();
const aliasList = z.array(z.string().trim().min(1).max(100)).max(50);

/** What went with a deleted park or period. */
export interface Deleted {
  figures: number;
  documents: number;
  indicators: number;
}

export const valueKind = z.enum(['actual', 'target']);
// As typed, only bounded here: the core words the refusal (PERIOD_INVALID, PARK_NOT_FOUND …) with the text.
/** A period key as typed: 2022, 2022Q3, 2018M1-4. */
const periodKeyText = z.string().trim().max(40);
/** A park or indicator name or code as typed. */
const lookupText = z.string().trim().max(200);

export const EDIT_ACTIONS = ['edit', 'paste', 'cut', 'clear'] as const;

export const cellEdit = z
  .object({
    indicatorId: id,
    field: z.enum(EDITABLE_FIELDS),
    /** As typed; '' clears the field. */
    text: z.string().max(2000),
  })
  .strict();

/** Marks the output type of a method; outputs are produced by our own code and are not re-validated. */
function returns<T>(): T {
  return undefined as T;
}

export const contract = {
  'app.info': { input: z.object({}).strict(), output: returns<AppInfo>() },
  'parks.list': { input: z.object({}).strict(), output: returns<Park[]>() },
  'parks.create': {
    input: z.object({ name, shortName: optText(40), region: optText(100), level: optText(40) }).strict(),
    output: returns<Park>(),
  },
  /** Every period, newest first; with parkId each says what that park holds in it (`use`). */
  'parks.update': {
    input: z.object({ id, name: name.optional(), shortName: optText(40), region: optText(100), level: optText(40) }).strict(),
    output: returns<Park>(),
  },
  /**
   * Refused (IN_USE) while figures, documents or indicators kept to the park depend on it, unless
   * cascade: then they go with it, as one undo step.
   */
  'parks.delete': { input: z.object({ id, cascade: z.boolean() }).strict(), output: returns<Deleted>() },
  'periods.update': { input: z.object({ id, key: z.string().trim().min(4).max(12) }).strict(), output: returns<Period>() },
  'periods.delete': { input: z.object({ id, cascade: z.boolean() }).strict(), output: returns<Deleted>() },
  'periods.list': { input: z.object({ parkId: id.optional() }).strict(), output: returns<Period[]>() },
  'periods.create': { input: z.object({ key: z.string().trim().min(4).max(12) }).strict(), output: returns<Period>() },
  'catalog.get': { input: z.object({}).strict(), output: returns<Catalog>() },
  'catalog.createIndicator': {
    input: z
      .object({
        /** Absent: the category 其他 (made when the catalogue has none). */
        categoryCode: z.string().min(1).max(20).optional(),
        name,
        nameEn: optText(200),
        unit: z.string().min(1).max(10),
        decimals: z.number().int().min(0).max(6),
        definition: optText(2000),
        scope: optText(100),
        integerOnly: z.boolean().optional(),
        nonNegative: z.boolean().optional(),
        parentCode: z.string().trim().max(100).nullable().optional(),
        aliases: aliasList.optional(),
        /** The park it is kept to: it is no empty row in other parks' grids and templates. */
        onlyParkId: id.nullable().optional(),
      })
      .strict(),
    output: returns<Indicator>(),
  },
  'catalog.updateIndicator': {
    input: z
      .object({
        id,
        name: name.optional(),
        nameEn: optText(200),
        unit: z.string().min(1).max(10).optional(),
        categoryCode: z.string().min(1).max(20).optional(),
        decimals: z.number().int().min(0).max(6).optional(),
        scope: optText(100),
        definition: optText(2000),
        parentCode: z.string().trim().max(100).nullable().optional(),
        aliases: aliasList.optional(),
        onlyParkId: id.nullable().optional(),
      })
      .strict(),
    output: returns<Indicator>(),
  },
  /** Every figure, alias and 其中 row of `fromId` moves onto `intoId`; `fromId` goes, its name an alias. One undo step. */
  'catalog.mergeIndicators': { input: z.object({ fromId: id, intoId: id }).strict(), output: returns<Indicator>() },
  /** Retired: figures kept, out of grids, templates and pickers; restored with retired: false. */
  'catalog.retireIndicator': { input: z.object({ id, retired: z.boolean() }).strict(), output: returns<Indicator>() },
  'catalog.moveIndicator': { input: z.object({ id, direction: z.enum(['up', 'down']) }).strict(), output: returns<{ moved: boolean }>() },
  /** A unit of the store's own: `equals` says what one of it is in a known unit ("0.01 平方公里"). */
  'catalog.addUnit': {
    input: z.object({ code: z.string().trim().min(1).max(10), equals: z.string().trim().min(2).max(60), en: optText(40) }).strict(),
    output: returns<UnitInfo>(),
  },
  'catalog.addQualifier': {
    input: z
      .object({
        code: z.string().trim().min(1).max(6),
        meaning: z.enum(['below', 'about', 'above', 'atLeast']),
        at: z.enum(['before', 'infix', 'after']),
        en: optText(40),
      })
      .strict(),
    output: returns<QualifierInfo>(),
  },
  /**
   * The indicator each text names — by name, code, alias or their normalised forms — or null: the
   * catalogue's one matcher (core/catalog/match-indicator.ts), for a pasted column of names.
   */
  'catalog.match': {
    input: z.object({ texts: z.array(z.string().max(200)).min(1).max(2000) }).strict(),
    output: returns<({ indicatorId: string; name: string; by: 'name' | 'code' | 'alias' | 'normalised' } | null)[]>(),
  },
  /** The catalogue as an .xlsx to edit in Excel or WPS: delivered like tables.export. */
  'catalog.export': { input: z.object({}).strict(), output: returns<ExportResult>() },
  /** What an edited catalogue workbook would change, every refusal at its sheet and row; writes nothing. */
  'catalog.importPreview': { input: importFileSchema.strict(), output: returns<CatalogImportPreview>() },
  /** Applies a catalogue preview as one undo step. */
  'catalog.importApply': {
    input: z.object({ previewId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }).strict(),
    output: returns<{ changed: number; history: HistoryState }>(),
  },
  'catalog.createCategory': { input: z.object({ name, nameEn: optText(100) }).strict(), output: returns<Catalog['categories'][number]>() },
  /** all: every indicator, retired ones and those kept to other parks too. */
  'grid.get': { input: z.object({ parkId: id, periodId: id, kind: valueKind, all: z.boolean().optional() }).strict(), output: returns<Grid>() },
  /**
   * The period is named by id (the grid) or by key (`parkbrief set --period 2023`): a key the store
   * has no period for creates it with the edits, in one transaction, so a refused edit leaves no
   * period behind.
   */
  'values.edit': {
    input: z
      .object({
        parkId: id,
        periodId: id.optional(),
        periodKey: periodKeyText.optional(),
        kind: valueKind,
        edits: z.array(cellEdit).min(1).max(5000),
        /**
         * What the user did, for the undo step's name: a cell typed (edit), a block pasted, cut or
         * cleared, and how many cells they saw change (a value typed as 150余 also sets its qualifier).
         */
        action: z.object({ kind: z.enum(EDIT_ACTIONS), cells: z.number().int().min(1).max(5000) }).strict().optional(),
      })
      .strict()
      .refine((v) => (v.periodId === undefined) !== (v.periodKey === undefined), { message: 'give periodId or periodKey, not both', path: ['periodId'] }),
    /** period: the one written; warnings: check-rule breaches that involve an edited indicator, after the edit. */
    output: returns<{ changed: number; period: Period; warnings: CheckWarning[]; history: HistoryState }>(),
  },
  /**
   * A park's indicators over its periods, as stored, for a chart: one indicator is its trend (with
   * 同比 and targets), several are compared. periodIds default to the period and up to four earlier
   * ones with figures, as the Excel table's columns.
   */
  'charts.trend': {
    input: z
      .object({ parkId: id, periodId: id, kind: valueKind, indicatorIds: z.array(id).min(1).max(6), periodIds: z.array(id).min(1).max(30).optional() })
      .strict(),
    output: returns<TrendData>(),
  },
  /** 概览: every park for one period, the indicators most of them report, each with its figures for ranking and 同比. */
  'charts.overview': { input: z.object({ periodId: id, kind: valueKind }).strict(), output: returns<Overview>() },
  'history.state': { input: z.object({}).strict(), output: returns<HistoryState>() },
  'history.undo': { input: z.object({}).strict(), output: returns<HistoryState>() },
  'history.redo': { input: z.object({}).strict(), output: returns<HistoryState>() },
  'documents.get': { input: z.object({ parkId: id, periodId: id }).strict(), output: returns<BriefDocument | null>() },
  /** The parks with a document of a period, by park name, with each document's title: the articles one bulletin issue can carry. */
  'documents.ofPeriod': { input: z.object({ periodId: id }).strict(), output: returns<{ parkId: string; parkName: string; title: string }[]>() },
  'documents.save': {
    /** createOnly: a new document (a blank start); refused if the period already has one. */
    /**
     * base: the updatedAt of the document the body was edited from (null: there was none); a save
     * from an older one — another window saved since — is refused with DOCUMENT_STALE. keepOther: save
     * anyway after that refusal, the other version kept as its own step in the change log.
     */
    input: z
      .object({
        parkId: id,
        periodId: id,
        body: documentBodySchema,
        createOnly: z.boolean().optional(),
        base: z.string().max(40).nullable().optional(),
        keepOther: z.boolean().optional(),
      })
      .strict(),
    output: returns<BriefDocument>(),
  },
  /** Starts a park-period's document from the park's latest earlier document or from a demo article. */
  'documents.copy': {
    input: z.object({ parkId: id, periodId: id, from: z.enum(['previous', 'demo-magazine', 'demo-news']) }).strict(),
    output: returns<BriefDocument>(),
  },
  /** Fills the placeholders of a (possibly unsaved) body: the live preview. */
  'documents.resolve': {
    input: z.object({ parkId: id, periodId: id, body: documentBodySchema }).strict(),
    output: returns<ResolvedDocument>(),
  },
  /**
   * A bulletin issue's further articles (documents.export `articles`), each park's saved document of
   * the period resolved as the export reads it, in print order: the preview lays the issue with them.
   * Refused as the export refuses them (INVALID_INPUT; DOCUMENT_NOT_FOUND naming the park).
   */
  'documents.resolveArticles': {
    input: z.object({ parkId: id, periodId: id, template: z.literal('bulletin'), articles: z.array(id).min(1).max(30) }).strict(),
    output: returns<ResolvedDocument[]>(),
  },
  /**
   * Writes the saved document as .docx: under Electron after a save dialog, in browser mode as a
   * download. Refused with DOCUMENT_UNRESOLVED (problems in details) unless allowMarkers. sources:
   * each figure's source note printed, as footnotes (magazine) or a list after the body (bulletin).
   */
  'documents.export': {
    input: z
      .object({
        parkId: id,
        periodId: id,
        template: z.enum(TEMPLATES),
        allowMarkers: z.boolean(),
        sources: z.boolean().optional(),
        /** A bulletin of several articles: these parks' documents of the same period follow this one in one issue, under its masthead. */
        articles: z.array(id).max(30).optional(),
      })
      .strict(),
    output: returns<ExportResult>(),
  },
  /** All parks' documents of one period as one .docx, a feature per park by park name (a yearbook). */
  'documents.exportYearbook': {
    input: z.object({ periodId: id, template: z.enum(TEMPLATES), allowMarkers: z.boolean() }).strict(),
    output: returns<ExportResult>(),
  },
  /**
   * The preview's pages as a PDF (Electron: the window printed with its print styles, one preview
   * page to a sheet), delivered after a save dialog. Refused with PRINT_UNAVAILABLE where the host
   * cannot print (browser mode prints from the browser's own dialog).
   */
  'documents.printPdf': { input: z.object({ fileName: z.string().min(1).max(200).regex(/^[^/\\:*?"<>|]+\.pdf$/u) }).strict(), output: returns<ExportResult>() },
  /** Opens a file this session exported, in the system's program for it (Electron only). */
  'files.open': { input: z.object({ path: z.string().min(1).max(4096) }).strict(), output: returns<{ opened: boolean }>() },
  'photos.add': {
    // ~5 MB of image in base64; the HTTP host's body limit is above this.
    input: z.object({ base64: z.string().min(1).max(7_000_000) }).strict(),
    output: returns<PhotoInfo>(),
  },
  'photos.get': { input: z.object({ sha256: z.string().regex(SHA256) }).strict(), output: returns<PhotoInfo & { dataUrl: string }>() },
  'settings.get': { input: z.object({}).strict(), output: returns<Settings>() },
  'settings.update': { input: settingsPatchSchema, output: returns<Settings>() },
  /**
   * Writes an Excel table (.xlsx) like documents.export delivers a .docx. table: periodIds are the
   * period columns (default: this period and the four years before it that hold figures); compare:
   * parkIds are the parks side by side (default: all); form: frame fills the form's frame. The table
   * carries a native chart of chartIndicatorIds.
   */
  'tables.export': {
    input: z
      .object({
        template: z.enum(TABLE_TEMPLATES),
        parkId: id,
        periodId: id,
        kind: valueKind.optional(),
        parkIds: z.array(id).min(1).max(1000).optional(),
        periodIds: z.array(id).min(1).max(30).optional(),
        /** table: the indicators its native chart draws (default: the first with a figure). */
        chartIndicatorIds: z.array(id).min(1).max(6).optional(),
        /** table: every park, a sheet each (the province workbook); parkId then only names the file's period columns' default. */
        allParks: z.boolean().optional(),
        frame: formFrameSchema.optional(),
      })
      .strict(),
    output: returns<ExportResult>(),
  },
  /**
   * Reads an uploaded .xlsx or .csv and says what applying it would do; writes nothing. parkId and
   * periodId are where a plain table's figures go (a fill template or our own table names its own).
   */
  'imports.preview': {
    input: importFileSchema
      .extend({
        parkId: id.optional(),
        periodId: id.optional(),
        /** The target by name and key instead of id. */
        parkName: name.optional(),
        periodKey: z.string().trim().min(4).max(12).optional(),
        kind: valueKind.optional(),
        /** A plain table may create the indicators and the period it lacks (listed in `creates`) … */
        createMissing: z.boolean().optional(),
        /** … and the park, named by parkName. */
        createPark: z.boolean().optional(),
      })
      .strict(),
    output: returns<ImportPreview>(),
  },
  /** Writes a preview's figures in one transaction, as one undo step. */
  'imports.apply': { input: z.object({ previewId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }).strict(), output: returns<ImportApplied>() },
  /**
   * Parks, periods and indicators as a person types them (the command line): a park by full or short
   * name, a period by key (2022, 2022Q3, 2018M1-4), an indicator by name or code, year periods by a
   * list or span (2018-2022). Each given name must exist: PARK_NOT_FOUND, PERIOD_NOT_FOUND … name it.
   */
  'names.resolve': {
    input: z
      .object({
        park: lookupText.optional(),
        parks: z.array(lookupText).min(1).max(1000).optional(),
        period: periodKeyText.optional(),
        indicator: lookupText.optional(),
        years: z.string().trim().min(1).max(200).optional(),
      })
      .strict(),
    output: returns<ResolvedNames>(),
  },
  /**
   * Reads an article — a .txt, .md or .docx file (base64), or pasted text — for its figures, each
   * beside the park's stored figure when a park is given. Writes nothing; readId names the text
   * for articles.apply.
   */
  'articles.read': {
    input: z
      .object({
        fileName: z.string().trim().min(1).max(255),
        // An empty file is the reader's to refuse, naming it.
        base64: z.string().max(Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 4).optional(),
        text: z.string().min(1).max(2_000_000).optional(),
        parkId: id.optional(),
        period: z.string().trim().min(4).max(12).optional(),
      })
      .strict()
      .refine((x) => (x.base64 === undefined) !== (x.text === undefined), { message: 'give either base64 or text' }),
    output: returns<ArticleReview & { readId: string }>(),
  },
  /**
   * Applies the accepted figures of a read article in one transaction and one undo step: new
   * indicators, the figures, and the park-period's document with placeholders.
   */
  'articles.apply': {
    input: z
      .object({
        readId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
        // The park the article is about, or a new park made in the same undo step as its figures.
        parkId: id.optional(),
        newPark: z.object({ name }).strict().optional(),
        period: z.string().trim().min(4).max(12),
        figures: z.array(acceptedFigureSchema).min(1).max(MAX_ARTICLE_FIGURES),
      })
      .strict()
      .refine((x) => (x.parkId === undefined) !== (x.newPark === undefined), { message: 'give either parkId or newPark' }),
    output: returns<ArticleApplied & { history: HistoryState }>(),
  },
  /**
   * Starts a long method in a worker thread and answers at once (core/jobs/): method is one of
   * JOB_METHODS and input is checked against that method's own schema before anything runs.
   * Each of these methods may also be called as itself, which starts the job and waits for it.
   */
  'jobs.start': {
    input: z.object({ method: z.enum(JOB_METHODS), input: z.unknown() }).strict(),
    output: returns<JobStatus>(),
  },
  /** Where a job is (stage, count, total), and its result or refusal once it has ended. */
  'jobs.status': { input: z.object({ jobId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }).strict(), output: returns<JobStatus>() },
  /** Ends a running job; nothing it made is kept (no preview, no file). */
  'jobs.cancel': { input: z.object({ jobId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }).strict(), output: returns<JobStatus>() },
  // Store-level methods (SESSION_METHODS): they work also while the store is not open, from the recovery screen.
  'store.status': { input: z.object({}).strict(), output: returns<StoreStatus>() },
  'backups.list': { input: z.object({}).strict(), output: returns<BackupList>() },
  /** A manual backup into the backups folder, made with the online backup API while the store is in use. */
  'backups.create': { input: z.object({}).strict(), output: returns<BackupEntry>() },
  /** Replaces the store with a backup from the backups folder; the replaced store is kept there. */
  'backups.restore': { input: z.object({ name: backupNameSchema }).strict(), output: returns<RestoreResult>() },
  /** Ends the backup or salvage running (store.status shows it): its temporary file is removed, nothing is kept. */
  'backups.cancel': { input: z.object({}).strict(), output: returns<{ cancelled: boolean }>() },
  /** Copies what is readable from a damaged store into a new file in the backups folder. */
  'recovery.salvage': { input: z.object({}).strict(), output: returns<SalvageResult>() },
  /** Sets the damaged store aside (kept in the backups folder) and starts an empty one. */
  'recovery.startFresh': { input: z.object({}).strict(), output: returns<{ setAside: BackupEntry | null }>() },
} as const;

/** Methods answered by the store session itself rather than by a handler on an open store. */
export const SESSION_METHODS = ['store.status', 'backups.list', 'backups.create', 'backups.cancel', 'backups.restore', 'recovery.salvage', 'recovery.startFresh'] as const;
export type SessionMethod = (typeof SESSION_METHODS)[number];
export type StoreMethod = Exclude<Method, SessionMethod>;

export function isSessionMethod(m: string): m is SessionMethod {
  return (SESSION_METHODS as readonly string[]).includes(m);
}

/** What names.resolve found, for the names it was given. */
export interface ResolvedNames {
  park?: Park;
  parks?: Park[];
  period?: Period;
  indicator?: Indicator;
  /** Oldest first. */
  years?: Period[];
}

export type ExportResult =
  | { status: 'saved'; path: string; fileName: string }
  | { status: 'download'; url: string; fileName: string }
  | { status: 'cancelled' };

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.infer<Contract[M]['input']>;
export type Output<M extends Method> = Contract[M]['output'];
export type CellEdit = z.infer<typeof cellEdit>;

export type ErrorBody = {
  code: string;
  message: string;
  params?: Record<string, string | number>;
  details?: { index?: number; indicator?: string; field?: string; code: string; message: string; params: Record<string, string | number> }[];
};
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

export function isMethod(m: string): m is Method {
  return Object.prototype.hasOwnProperty.call(contract, m);
}
