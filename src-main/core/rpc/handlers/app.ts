import { catalogVersion } from '../../catalog/catalog.ts';
import { SCHEMA_VERSION } from '../../store/migrate.ts';
import { APP_VERSION } from '../../version.ts';
import type { Handlers } from './types.ts';

export const appHandlers: Handlers<'app.info'> = {
  'app.info': (_input, ctx) => ({
    version: APP_VERSION,
    storePath: ctx.storePath,
    storeId: (ctx.db.prepare("SELECT value FROM meta WHERE key = 'store_id'").get() as { value: string }).value,
    schemaVersion: SCHEMA_VERSION,
    catalogVersion: catalogVersion(ctx.db),
  }),
};
