// A job child's stand-in that answers with the heap it was started under (child-channel.ts passes
// the job's limits as Node options), so a test can see what a job's process is given.
import { getHeapStatistics } from 'node:v8';

process.once('message', () => {
  process.send!({ type: 'done', value: { heapLimitMb: getHeapStatistics().heap_size_limit / 2 ** 20, execArgv: process.execArgv } });
});
