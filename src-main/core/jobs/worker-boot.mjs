// A job's worker started from the TypeScript sources (the CLI, the HTTP host, the tests): it reads
// them through the stripped-source cache (../stripped-source.mjs) before loading worker.ts, so that
// this thread does not load Node's TypeScript compiler too. The app's build starts worker.ts as
// out/main/jobs-worker.js instead.
import { useStrippedSources } from '../stripped-source.mjs';

useStrippedSources();
await import('./worker.ts');
