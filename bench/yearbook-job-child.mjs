// A yearbook job's child process as the app starts it (core/jobs/place.ts runs documents.exportYearbook
// in a child process; child-channel.ts gives it the job's heap limits), from the TypeScript sources:
// the sources are read through the stripped-source cache, as the app runs built JavaScript and never
// loads Node's TypeScript compiler (15 to 30 MB a process), then child.ts serves the one job.
// JavaScript, not TypeScript, so that nothing is stripped to load it. bench/yearbook.bench.ts starts it.
(await import('../src-main/core/stripped-source.mjs')).useStrippedSources();
await import('../src-main/core/jobs/child.ts');
