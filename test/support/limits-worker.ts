// A job worker's stand-in that answers with the heap limits it was started under (runner.ts passes
// them as the worker's resourceLimits), so a test can see what a job's thread is given.
import { parentPort, resourceLimits } from 'node:worker_threads';

parentPort!.postMessage({ type: 'done', value: resourceLimits });
