// One `parkbrief` command run in this process, as the CLI runs it (bin/parkbrief.mjs: the sources
// read through the stripped-source cache, src-main/core/stripped-source.mjs), and what it cost: wall
// time, CPU time of every thread (the job's worker included), peak RSS. A bench spawns this file to
// measure a command alone: nothing else is loaded before the CLI, hence JavaScript, not TypeScript
// (Node would load its TypeScript compiler for this file). Prints one line of JSON; exits as the
// command does.
//   node bench/cli-peak.mjs export --all-parks --period 2022 --template magazine --out x.docx --db s.sqlite

const floor = process.memoryUsage().rss;
(await import('../src-main/core/stripped-source.mjs')).useStrippedSources();
const { runCli } = await import('../src-main/cli/run.ts');
/** @type {string[]} */
const lines = [];
const t0 = performance.now();
const c0 = process.cpuUsage();
const code = await runCli(process.argv.slice(2), { out: (l) => lines.push(l), err: (l) => lines.push(l), env: { ...process.env, PARKBRIEF_LANG: 'en' } });
const c = process.cpuUsage(c0);
if (code !== 0) {
  console.error(lines.join('\n'));
  process.exit(code);
}
console.log(JSON.stringify({ ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, rssMb: process.resourceUsage().maxRSS / 1024, floorMb: floor / 2 ** 20 }));
