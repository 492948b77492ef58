import { EXIT, reportError, type CliIo } from './io.ts';
import { escapeForTerminal } from './terminal-text.ts';
import { usageError } from './args.ts';
import { USAGE } from './usage.ts';

type Command = (argv: string[], io: CliIo) => number | Promise<number>;

// Each command's module is imported when it runs: a process pays at start-up for every module it
// loads, and `parkbrief show` has no use for the HTTP host, the backup tools or the file writers.
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./serve-command.ts')).cmdServe,
  // `parks` lists; `parks add NAME` and `parks rename OLD NEW` change (catalog-commands.ts).
  parks: async () => {
    const [{ cmdParks }, { cmdParksEdit }] = await Promise.all([import('./read-commands.ts'), import('./catalog-commands.ts')]);
    return (argv, io) => (argv[0] === 'add' || argv[0] === 'rename' ? cmdParksEdit(argv[0], argv.slice(1), io) : cmdParks(argv, io));
  },
  periods: async () => (await import('./catalog-commands.ts')).cmdPeriods,
  indicators: async () => (await import('./catalog-commands.ts')).cmdIndicators,
  units: async () => (await import('./catalog-commands.ts')).cmdUnits,
  catalog: async () => (await import('./catalog-commands.ts')).cmdCatalog,
  show: async () => (await import('./read-commands.ts')).cmdShow,
  set: async () => (await import('./set-command.ts')).cmdSet,
  export: async () => (await import('./export-command.ts')).cmdExport,
  import: async () => (await import('./import-command.ts')).cmdImport,
  extract: async () => (await import('./extract-command.ts')).cmdExtract,
  backup: async () => (await import('./backup-commands.ts')).cmdBackup,
  backups: async () => (await import('./backup-commands.ts')).cmdBackups,
  restore: async () => (await import('./backup-commands.ts')).cmdRestore,
  salvage: async () => (await import('./backup-commands.ts')).cmdSalvage,
};

/** Runs one CLI command and returns its exit code; never throws (tests call it in-process). */
export async function runCli(argv: string[], given: CliIo): Promise<number> {
  const io: CliIo = { ...given, out: (l) => given.out(escapeForTerminal(l)), err: (l) => given.err(escapeForTerminal(l)) };
  const { progress } = given;
  if (progress) io.progress = (l) => progress(l === null ? null : escapeForTerminal(l, 'one-line'));
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE);
    return name ? EXIT.ok : EXIT.usage;
  }
  try {
    const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!load) throw usageError(`未知命令「${name}」`, `Unknown command "${name}"`);
    return await (await load())(rest, io);
  } catch (e) {
    return reportError(io, e);
  }
}
