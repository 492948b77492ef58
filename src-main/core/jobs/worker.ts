// The entry of a job's worker thread (thread-channel.ts starts it; electron.vite.config.ts builds it as
// out/main/jobs-worker.js). A worker is a new Node instance that compiles every module it loads
// again: the compile cache (as the CLI uses it) is turned on before the job's modules are imported.
// The thread lowers its own priority first, so that loading those modules already gives way to the
// thread that answers the user (thread-priority.ts).
import { enableCompileCache } from 'node:module';
import { lowerThisThreadPriority } from './thread-priority.ts';

lowerThisThreadPriority();
enableCompileCache();
await (await import('./run-in-thread.ts')).runThisJob();
