import type { StoreMethod } from '../../../shared/contract.ts';
import { appHandlers } from './app.ts';
import { catalogHandlers } from './catalog.ts';
import { documentHandlers } from './documents.ts';
import { parkHandlers } from './parks.ts';
import { importHandlers } from './imports.ts';
import { tableHandlers } from './tables.ts';
import type { Handlers } from './types.ts';
import { valueHandlers } from './values.ts';

// One registry per domain, merged here. Typed as Handlers<StoreMethod>: a method of the contract without a
// handler, or a handler whose types drift from the contract, fails to compile. The store-level
// methods (backups, recovery) are answered by the session: core/session/session-handlers.ts.
export const handlers: Handlers<StoreMethod> = {
  ...appHandlers,
  ...parkHandlers,
  ...catalogHandlers,
  ...valueHandlers,
  ...documentHandlers,
  ...tableHandlers,
  ...importHandlers,
};
