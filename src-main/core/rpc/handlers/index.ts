import type { Method } from '../../../shared/contract.ts';
import { appHandlers } from './app.ts';
import { catalogHandlers } from './catalog.ts';
import { documentHandlers } from './documents.ts';
import { parkHandlers } from './parks.ts';
import { importHandlers } from './imports.ts';
import { tableHandlers } from './tables.ts';
import type { Handlers } from './types.ts';
import { valueHandlers } from './values.ts';

// One registry per domain, merged here. Typed as Handlers<Method>: a method of the contract without a
// handler, or a handler whose types drift from the contract, fails to compile.
export const handlers: Handlers<Method> = {
  ...appHandlers,
  ...parkHandlers,
  ...catalogHandlers,
  ...valueHandlers,
  ...documentHandlers,
  ...tableHandlers,
  ...importHandlers,
};
