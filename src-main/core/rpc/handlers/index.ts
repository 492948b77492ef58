import type { StoreMethod } from '../../../shared/contract.ts';
import type { Handler, Handlers } from './types.ts';

type DomainOf<M extends string> = M extends `${infer D}.${string}` ? D : never;
/** The part of a method's name before the dot: 'grid' of 'grid.get'. */
export type Domain = DomainOf<StoreMethod>;
type MethodsOf<D extends Domain> = Extract<StoreMethod, `${D}.${string}`>;

/**
 * Which module answers each domain, imported on the domain's first call: `parkbrief show` needs
 * the grid, not the Word and Excel writers, and a command pays for every module it loads. Typed
 * so that a method of the contract without a handler, or a handler whose types drift from the
 * contract, fails to compile. The store-level methods (backups, recovery) are answered by the
 * session: core/session/dispatch-session.ts.
 */
export const domains: { [D in Domain]: () => Promise<Handlers<MethodsOf<D>>> } = {
  app: async () => (await import('./app.ts')).appHandlers,
  parks: async () => (await import('./parks.ts')).parkHandlers,
  periods: async () => (await import('./parks.ts')).parkHandlers,
  names: async () => (await import('./names.ts')).nameHandlers,
  catalog: async () => (await import('./catalog.ts')).catalogHandlers,
  grid: async () => (await import('./grid.ts')).gridHandlers,
  values: async () => (await import('./values.ts')).valueHandlers,
  history: async () => (await import('./values.ts')).valueHandlers,
  documents: async () => (await import('./documents.ts')).documentHandlers,
  photos: async () => (await import('./photos.ts')).photoHandlers,
  files: async () => (await import('./files.ts')).fileHandlers,
  settings: async () => (await import('./settings.ts')).settingsHandlers,
  tables: async () => (await import('./tables.ts')).tableHandlers,
  imports: async () => (await import('./imports.ts')).importHandlers,
  charts: async () => (await import('./charts.ts')).chartHandlers,
  articles: async () => (await import('./articles.ts')).articleHandlers,
  jobs: async () => (await import('./jobs.ts')).jobHandlers,
};

const loaded = new Map<Domain, Promise<Partial<Record<StoreMethod, Handler<StoreMethod>>>>>();

/** The handler of a store method, its domain's module imported once, on first use. */
export async function handlerFor(method: StoreMethod): Promise<Handler<StoreMethod>> {
  const domain = method.slice(0, method.indexOf('.')) as Domain;
  let table = loaded.get(domain);
  if (!table) {
    table = domains[domain]() as Promise<Partial<Record<StoreMethod, Handler<StoreMethod>>>>;
    loaded.set(domain, table);
  }
  // Read from the module's own table at every call: it stays the one place a handler lives.
  return (await table)[method]!;
}
