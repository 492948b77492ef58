import type { Host } from './host.ts';
import type { Db } from './store/open.ts';

/** What every handler gets: the open store and who is writing (recorded in the change log). */
export interface CoreContext {
  db: Db;
  storePath: string;
  /** Where writes come from: 'app', 'cli', … — kept with each batch for later merges. */
  origin: string;
  actor: string;
  /** Save dialogs and downloads; absent where there is no user to ask (the CLI, tests). */
  host?: Host;
}
