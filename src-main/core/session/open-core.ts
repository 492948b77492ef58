import type { CoreContext } from '../context.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { openPreparedStore, type StoreOpenOptions } from '../store/core.ts';
import { prepareCore } from './prepare-core.ts';

export interface OpenCoreOptions extends StoreOpenOptions {
  /** Fill a store that did not exist yet with the demo parks (the app and CLI do; tests choose). */
  demoIfNew?: boolean;
}

/** Opens a store ready for handlers: migrated, catalogue up to date, demo data in a new store. */
export function openCore(path: string, opts: OpenCoreOptions): CoreContext & { created: boolean } {
  return openPreparedStore(path, opts, prepareCore(opts.demoIfNew ? loadDemo : undefined));
}
