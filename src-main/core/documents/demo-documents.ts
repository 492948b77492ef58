import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { documentBodySchema, type DocumentBody, type PhotoRef } from '../../shared/document.ts';
import type { CoreContext } from '../context.ts';
import type { ChangeLog } from '../history/change-log.ts';
import { findParkByName } from '../repos/parks.ts';
import { requirePeriodByKey } from '../repos/periods.ts';
import { resourcesDir } from '../resources.ts';
import { putDocument } from './documents.ts';
import { storePhoto } from './photos.ts';

/** The two seed articles, rewritten with placeholders (resources/demo/documents). */
export const DEMO_DOCUMENTS = {
  'demo-magazine': 'chuxiong-2022.json',
  'demo-news': 'kunming-2017.json',
} as const;
export type DemoDocumentName = keyof typeof DEMO_DOCUMENTS;

interface DemoDocumentFile {
  park: string;
  period: string;
  photos: (Omit<PhotoRef, 'photo'> & { file: string })[];
  body: DocumentBody;
}

/**
 * A demo article's body, its photos added to the store inside the caller's batch (by hash, so twice
 * costs nothing), so they are logged with the document that shows them.
 */
export function readDemoDocument(ctx: CoreContext, log: ChangeLog, name: DemoDocumentName): { park: string; period: string; body: DocumentBody } {
  const root = resourcesDir();
  const dir = join(root, 'demo');
  const file = JSON.parse(readResource(root, join(dir, 'documents', DEMO_DOCUMENTS[name])).toString('utf8')) as DemoDocumentFile;
  const photos: PhotoRef[] = file.photos.map(({ file: img, ...ref }) => ({
    ...ref,
    photo: storePhoto(ctx.db, log, readResource(root, join(dir, 'photos', img))).sha256,
  }));
  return { park: file.park, period: file.period, body: documentBodySchema.parse({ ...file.body, photos }) };
}

/** A file of the program's own resources; one that is not there is a broken installation, not a store error. */
function readResource(root: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    throw new AppError('RESOURCES_MISSING', { missing: path, searched: root }, undefined, { cause: e });
  }
}

/** Puts both demo articles under their parks and periods (a new demo store). */
export function loadDemoDocuments(ctx: CoreContext, log: ChangeLog): void {
  for (const name of Object.keys(DEMO_DOCUMENTS) as DemoDocumentName[]) {
    const d = readDemoDocument(ctx, log, name);
    putDocument(ctx, log, findParkByName(ctx.db, d.park).id, requirePeriodByKey(ctx.db, d.period).id, d.body);
  }
}
