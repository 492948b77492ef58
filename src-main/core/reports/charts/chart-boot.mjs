// A chart thread started from the TypeScript sources: as ../../jobs/worker-boot.mjs, it reads them
// through the stripped-source cache before loading chart-worker.ts (built as out/main/charts-worker.js).
import { useStrippedSources } from '../../stripped-source.mjs';

useStrippedSources();
await import('./chart-worker.ts');
