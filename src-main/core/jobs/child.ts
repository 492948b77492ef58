// The entry of a job's child process (child-channel.ts starts it; electron.vite.config.ts builds it as
// out/main/jobs-child.js). Every thread of the process is lowered first — V8's helpers exist before
// this runs — and on Linux put in the SCHED_IDLE class, so that loading the job's modules already
// gives way to the app (thread-priority.ts); then the compile cache, as in a job's worker thread.
import { enableCompileCache } from 'node:module';
import { idleThisProcess, lowerThisProcessPriority } from './thread-priority.ts';

lowerThisProcessPriority();
idleThisProcess();
enableCompileCache();
(await import('./run-in-child.ts')).serveOneJob();
