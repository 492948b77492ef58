// Runs the CLI under the project's own Node when the `node` on PATH is too old, and passes on how
// the child ended. A child killed by a signal has no exit status: reporting that as exit 1 would
// read as "refused" with no message, so it is named, with the exit code a shell gives a process
// killed by that signal (128 + n). SIGPIPE stays quiet: a closed pipe is how `| head` ends a command.
import { spawnSync } from 'node:child_process';
import { constants } from 'node:os';

/** The exit code to pass on; `report` prints a line to stderr. */
export function handOver(node, args, env = process.env, report = (line) => process.stderr.write(line + '\n')) {
  const r = spawnSync(node, args, { stdio: 'inherit', env });
  const en = (env.PARKBRIEF_LANG ?? '').toLowerCase().startsWith('en');
  if (r.error) {
    report(
      en
        ? `Error: could not start the project's Node (${node}): ${r.error.message}. Run npm ci in the project folder.`
        : `错误：无法启动项目自带的 Node（${node}，${r.error.code ?? r.error.message}）；请在项目目录运行 npm ci。`,
    );
    return 1;
  }
  if (r.signal) {
    const code = 128 + (constants.signals[r.signal] ?? 0);
    if (r.signal === 'SIGPIPE') return code;
    report(
      en
        ? `Error: the ParkBrief process was ended by signal ${r.signal} (exit code ${code}), for example out of memory or stopped by another program. What it had saved stays saved; run the command again.`
        : `错误：ParkBrief 进程被信号 ${r.signal} 终止（退出码 ${code}），可能是内存不足或被其他程序结束。已保存的数据不受影响，请重新运行该命令。`,
    );
    return code;
  }
  return r.status ?? 1;
}
