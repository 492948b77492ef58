// Long jobs (core/jobs/): which methods run in a worker, and what a front reads while one runs.
// Shared because the renderer shows the same stages and states the CLI prints.

import type { ErrorBody } from './contract.ts';

/** The methods that run in a worker thread; each is also callable as itself (started and awaited). */
export const JOB_METHODS = ['imports.preview', 'tables.export', 'documents.export', 'documents.exportYearbook', 'articles.read'] as const;
export type JobMethod = (typeof JOB_METHODS)[number];

export function isJobMethod(m: string): m is JobMethod {
  return (JOB_METHODS as readonly string[]).includes(m);
}

/** The jobs whose answer is a file delivered (saved by the core, or downloaded): they can finish without their dialog, and once done the file exists. */
export const FILE_JOBS: readonly JobMethod[] = ['tables.export', 'documents.export', 'documents.exportYearbook'];

/** Where a job is: the worker starting, the file read, figures checked, a file built, handed over; a store copied (pages of a backup, rows of a salvage). */
export const JOB_STAGES = ['starting', 'reading', 'checking', 'building', 'delivering', 'copying'] as const;
export type JobStage = (typeof JOB_STAGES)[number];

export interface JobProgress {
  stage: JobStage;
  /** Items done in this stage (documents, figures …); total when known. */
  count: number;
  total?: number;
}

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

/** A job without a file of the user's is named by what it makes, in each language. */
export const JOB_NAMES = {
  yearbook: { zh: '年鉴导出', en: 'Yearbook export' },
  tables: { zh: '表格导出', en: 'Excel export' },
  document: { zh: '文稿导出', en: 'Word export' },
} as const;
export type JobNameKey = keyof typeof JOB_NAMES;

export function isJobNameKey(k: unknown): k is JobNameKey {
  return typeof k === 'string' && Object.prototype.hasOwnProperty.call(JOB_NAMES, k);
}

export interface JobStatus {
  jobId: string;
  method: JobMethod;
  /** What the job works on, as the user knows it: the file's name, or the export (in Chinese; nameKey words it in English). */
  name: string;
  /** An export's kind (JOB_NAMES), so that each language names it; absent for a job on a file. */
  nameKey?: JobNameKey;
  state: JobState;
  progress: JobProgress;
  elapsedMs: number;
  /** When done: what the method itself answers. */
  result?: unknown;
  /** When failed or cancelled: the refusal, worded like any other. */
  error?: ErrorBody;
}

export const JOB_STAGE_LABELS: Record<JobStage, { zh: string; en: string }> = {
  starting: { zh: '准备', en: 'Starting' },
  reading: { zh: '读取', en: 'Reading' },
  checking: { zh: '核对', en: 'Checking' },
  building: { zh: '生成', en: 'Building' },
  delivering: { zh: '保存', en: 'Saving' },
  copying: { zh: '复制', en: 'Copying' },
};

/** The job's name in the user's language. */
export function jobName(s: Pick<JobStatus, 'name' | 'nameKey'>, locale: 'zh-CN' | 'en'): string {
  return s.nameKey ? JOB_NAMES[s.nameKey][locale === 'en' ? 'en' : 'zh'] : s.name;
}
