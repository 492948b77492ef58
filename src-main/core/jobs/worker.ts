// The entry of a job's worker thread (runner.ts starts it; electron.vite.config.ts builds it as
// out/main/jobs-worker.js). A worker is a new Node instance that compiles every module it loads
// again: the compile cache (as the CLI uses it) is turned on before the job's modules are imported.
import { enableCompileCache } from 'node:module';

enableCompileCache();
await (await import('./run-in-thread.ts')).runThisJob();
