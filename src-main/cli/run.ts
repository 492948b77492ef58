import { AppError } from '../shared/errors.ts';
import { cmdExport, cmdParks, cmdServe, cmdSet, cmdShow, USAGE } from './commands.ts';
import { cmdImport } from './import-command.ts';
import { cmdBackup, cmdBackups, cmdRestore, cmdSalvage } from './backup-commands.ts';
import { EXIT, reportError, type CliIo } from './io.ts';

const COMMANDS: Record<string, (argv: string[], io: CliIo) => number | Promise<number>> = {
  serve: cmdServe,
  parks: cmdParks,
  show: cmdShow,
  set: cmdSet,
  export: cmdExport,
  import: cmdImport,
  backup: cmdBackup,
  backups: cmdBackups,
  restore: cmdRestore,
  salvage: cmdSalvage,
};

/** Runs one CLI command and returns its exit code; never throws (tests call it in-process). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE);
    return name ? EXIT.ok : EXIT.usage;
  }
  const cmd = COMMANDS[name];
  try {
    if (!cmd) throw new AppError('USAGE', { detail: `未知命令「${name}」（unknown command）\n\n${USAGE}` });
    return await cmd(rest, io);
  } catch (e) {
    return reportError(io, e);
  }
}
