// Writes the small files of the hostile corpus into test/fixtures/hostile/, where they are kept:
//   node test/hostile/make-small.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMALL_FILES } from './make-files.ts';

const dir = join(import.meta.dirname, '..', 'fixtures', 'hostile');
mkdirSync(dir, { recursive: true });
for (const [name, make] of Object.entries(SMALL_FILES)) {
  const bytes = await make();
  writeFileSync(join(dir, name), bytes);
  process.stdout.write(`${name}\t${bytes.length}\n`);
}
