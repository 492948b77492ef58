import type { JobStage } from '../shared/jobs.ts';

/**
 * How a long piece of work says how far it is. Passed in by whoever runs it (a worker posts it to
 * the main thread, core/jobs/); absent, the work just runs.
 */
export type Progress = (stage: JobStage, count: number, total?: number) => void;
