// `parkbrief serve`: browser mode on 127.0.0.1, over the app's own store session.

import { join } from 'node:path';
import { formatMessage, type ErrorCode } from '../shared/errors.ts';
import { StoreSession } from '../core/session/store-session.ts';
import { startServer } from '../http/server.ts';
import { parse, usageError } from './args.ts';
import { cliLocale, EXIT, type CliIo } from './io.ts';
import { storePathOf } from './store.ts';

export async function cmdServe(argv: string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  const args = parse(argv, { port: { type: 'string' } });
  const port = args.port === undefined ? 0 : Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw usageError(`--port 应为 0—65535 的整数，不能是「${args.port}」`, `--port is a whole number from 0 to 65535, not "${args.port}"`, false);
  const path = storePathOf(args, io);
  // The page is served while the store is checked and backed up: it shows that progress, and its
  // requests wait for the store (StoreSession.start).
  const session = StoreSession.start(path, { origin: 'app', demoIfNew: true });
  // Ctrl+C ends the command from the start, during a big store's check and backup too: closing the
  // session ends their worker and leaves nothing half-made (StoreSession.close).
  const stopped = new Promise<'stopped'>((resolve) => {
    const stop = () => resolve('stopped');
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    signal?.addEventListener('abort', stop);
  });
  // Its outcome is taken at once, so a failure while the server starts is never unhandled.
  const opening = session.opened.then(
    () => null,
    (e: unknown) => ({ failed: e }),
  );
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({ session, port });
  } catch (e) {
    session.close();
    throw e;
  }
  const end = async () => {
    await server.close();
    session.close();
  };
  const en = cliLocale(io.env) === 'en';
  io.out(`ParkBrief 浏览器模式：${server.url}`);
  io.out(`数据库：${path}`);
  io.out('按 Ctrl+C 退出。');
  const opened = await Promise.race([opening, stopped]);
  if (opened === 'stopped') {
    await end();
    return EXIT.ok;
  }
  if (opened) {
    await end();
    throw opened.failed;
  }
  const status = session.status();
  if (status.state === 'failed') {
    // Not an exit: the recovery screen at the URL above is where the user restores or salvages.
    io.err(`${en ? 'Error: ' : '错误：'}${formatMessage(status.error.code as ErrorCode, status.error.params ?? {}, en ? 'en' : 'zh-CN')}`);
    io.err(en ? 'Open the URL above to restore a backup, export what is readable, or start a new store.' : '请打开上面的网址：可恢复备份、导出仍可读取的数据，或新建数据库。');
  } else if (session.lastBackup) {
    io.out(`${en ? 'Start-up backup: ' : '启动备份：'}${join(status.backupsFolder, session.lastBackup.name)}`);
  }
  if (session.backupWarning) io.err(`${en ? 'Warning: ' : '警告：'}${formatMessage(session.backupWarning.code, session.backupWarning.params, en ? 'en' : 'zh-CN')}`);
  await stopped;
  await end();
  return EXIT.ok;
}
