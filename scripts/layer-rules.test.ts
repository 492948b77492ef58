// Proves the layer boundaries in eslint.config.js can fail: each forbidden import is linted as if
// it were a file in the folder, and must be reported; an allowed import in the same folder must
// not be. Without this, a typo in a glob would make a boundary silently pass forever.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cwd = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd });

/** The boundary rules reported for `code` placed at `filePath` (other rules are not this test's business). */
async function boundaryHits(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  expect(result?.messages.filter((m) => m.fatal)).toEqual([]);
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => `${m.ruleId}: ${m.message}`);
}

// Every snippet uses what it imports, so only the rule under test can complain.
const use = (name: string) => `\nexport const used = ${name};\n`;

/** A forbidden case may name its rule by a piece of the message, so that another rule cannot pass for it. */
type Case = [label: string, code: string, rule?: string];

const forbidden: Record<string, Case[]> = {
  'src-main/core/store/probe.ts': [
    ['electron', `import { app } from 'electron';${use('app')}`],
    ['electron, type only', `import type { App } from 'electron';\nexport type T = App;\n`],
    ['electron via import()', `export const m = await import('electron');\n`],
  ],
  'src-main/http/probe.ts': [['electron', `import { app } from 'electron';${use('app')}`]],
  'src-main/cli.ts': [['electron', `import { app } from 'electron';${use('app')}`]],
  'src-main/shared/probe.ts': [
    ['electron', `import { ipcRenderer } from 'electron';${use('ipcRenderer')}`],
    ['node:fs', `import { readFileSync } from 'node:fs';${use('readFileSync')}`],
    ['bare fs', `import { readFileSync } from 'fs';${use('readFileSync')}`],
    ['path/posix', `import { join } from 'path/posix';${use('join')}`],
    ['better-sqlite3', `import Database from 'better-sqlite3';${use('Database')}`],
    ['../core', `import { openCore } from '../core/store/core.ts';${use('openCore')}`],
    ['require(node:fs)', `export const fs = require('node:fs');\n`],
  ],
  'src-renderer/src/features/probe/Probe.tsx': [
    ['electron', `import { ipcRenderer } from 'electron';${use('ipcRenderer')}`],
    ['node:path', `import { join } from 'node:path';${use('join')}`],
    ['bare os', `import os from 'os';${use('os')}`],
    ['better-sqlite3', `import Database from 'better-sqlite3';${use('Database')}`],
    ['src-main/core', `import { openCore } from '../../../../src-main/core/store/core.ts';${use('openCore')}`],
    ['src-main/http', `import * as h from '../../../../src-main/http/server.ts';${use('h')}`],
    ['src-main/cli', `import * as c from '../../../../src-main/cli.ts';${use('c')}`],
    ['src-main/ipc', `import { registerRpc } from '../../../../src-main/ipc/register.ts';${use('registerRpc')}`],
    ['src-main/security', `import { isAppUrl } from '../../../../src-main/security.ts';${use('isAppUrl')}`],
    ['node:fs via import()', `export const fs = await import('node:fs');\n`],
  ],
  // The rooms of core in tiers (CORE_TIERS): one case per tier's upward bound, each from a room of
  // the tier just below the one it reaches for, and the rules some rooms keep beyond their tier's.
  'src-main/core/format/probe.ts': [
    [
      'rpc (base → service)',
      `import { dispatch } from '../rpc/dispatch.ts';${use('dispatch')}`,
      'base tier of core never imports the service tier',
    ],
    [
      'store (base → store)',
      `import { openStore } from '../store/open.ts';${use('openStore')}`,
      'base tier of core never imports the store tier',
    ],
    [
      'context.ts (base → store)',
      `import type { CoreContext } from '../context.ts';\nexport type C = CoreContext;\n`,
      'base tier of core never imports the store tier',
    ],
    ['a front (core → the CLI)', `import { runCli } from '../../cli/run.ts';${use('runCli')}`, 'core never imports a front'],
  ],
  'src-main/core/ids.ts': [
    [
      'store, from the top of core',
      `import { openStore } from './store/open.ts';${use('openStore')}`,
      'base tier of core never imports the store tier',
    ],
  ],
  'src-main/core/store/probe.test.ts': [['electron, in a test', `import { app } from 'electron';${use('app')}`, 'only the Electron shell']],
  'src-main/core/store/probe-feature.ts': [
    [
      'history (store → records)',
      `import { writeBatch } from '../history/change-log.ts';${use('writeBatch')}`,
      'store tier of core never imports the records tier',
    ],
    [
      'the catalogue seed',
      `import { seedCatalog } from '../catalog/seed.ts';${use('seedCatalog')}`,
      'store tier of core never imports the catalog tier',
    ],
    ['the demo', `import { loadDemo } from '../demo/load-demo.ts';${use('loadDemo')}`, 'store tier of core never imports the domain tier'],
    [
      'values via import()',
      `export const m = await import('../values/edit-values.ts');\n`,
      'store tier of core never imports the domain tier',
    ],
    [
      'a session',
      `import { openCore } from '../session/open-core.ts';${use('openCore')}`,
      'store tier of core never imports the service tier',
    ],
  ],
  'src-main/core/repos/probe.ts': [
    [
      'catalog (records → catalog)',
      `import { findIndicator } from '../catalog/catalog.ts';${use('findIndicator')}`,
      'records tier of core never imports the catalog tier',
    ],
  ],
  'src-main/core/catalog/probe.ts': [
    [
      'figures (catalog → figures)',
      `import * as f from '../figures/read.ts';${use('f')}`,
      'catalog tier of core never imports the figures tier',
    ],
    [
      'checks (catalog → domain)',
      `import { checkFigures } from '../checks/run-checks.ts';${use('checkFigures')}`,
      'catalog tier of core never imports the domain tier',
    ],
  ],
  'src-main/core/figures/probe.ts': [
    [
      'values (figures → domain)',
      `import { readGrid } from '../values/grid.ts';${use('readGrid')}`,
      'figures tier of core never imports the domain tier',
    ],
  ],
  'src-main/core/values/probe.ts': [
    [
      'session (domain → service)',
      `import { openCore } from '../session/open-core.ts';${use('openCore')}`,
      'domain tier of core never imports the service tier',
    ],
  ],
  'src-main/core/session/probe.ts': [
    ['a front (service → the loopback host)', `import * as h from '../../http/server.ts';${use('h')}`, 'core never imports a front'],
  ],
  'src-main/core/reports/xlsx/probe.ts': [
    ['better-sqlite3', `import Database from 'better-sqlite3';${use('Database')}`, 'no better-sqlite3'],
    ['better-sqlite3 via import()', `export const m = await import('better-sqlite3');\n`, 'no better-sqlite3'],
    ['store', `import type { Db } from '../../store/open.ts';\nexport type D = Db;\n`, 'core/reports imports only shared'],
    [
      'context.ts',
      `import type { CoreContext } from '../../context.ts';\nexport type C = CoreContext;\n`,
      'core/reports imports only shared',
    ],
    [
      'tables (the old cycle)',
      `import { shownValue } from '../../tables/shown.ts';${use('shownValue')}`,
      'core/reports imports only shared',
    ],
    ['documents', `import * as d from '../../documents/documents.ts';${use('d')}`, 'core/reports imports only shared'],
  ],
  'src-main/core/newroom/probe.ts': [['a room no tier names', `export const x = 1;\n`, 'is in no tier']],
  // Production code never imports the test harness.
  'src-main/core/tables/probe.ts': [
    ['the harness', `import { tempStore } from '../../../test/support/temp-store.ts';${use('tempStore')}`, 'test harness'],
  ],
  'src-main/http/probe-harness.ts': [['the harness', `import * as t from '../../test/support/processes.ts';${use('t')}`, 'test harness']],
  'src-main/probe.ts': [
    ['the harness, from the Electron shell', `import * as t from '../test/support/processes.ts';${use('t')}`, 'test harness'],
  ],
  'src-main/shared/probe-harness.ts': [
    ['the harness', `import * as t from '../../test/support/seeded-random.ts';${use('t')}`, 'test harness'],
  ],
  'src-renderer/src/features/probe/Harness.tsx': [
    ['the harness', `import * as t from '../../../../test/support/seeded-random.ts';${use('t')}`, 'test harness'],
  ],
  'bin/probe.mjs': [['the harness via import()', `export const t = await import('../test/support/processes.ts');\n`, 'test harness']],
  'src-main/preload/probe.ts': [
    ['node:path', `import { join } from 'node:path';${use('join')}`],
    ['shared code (a value import)', `import { contract } from '../shared/contract.ts';${use('contract')}`],
    ['ipc/register', `import { RPC_CHANNEL } from '../ipc/register.ts';${use('RPC_CHANNEL')}`],
    ['zod', `import { z } from 'zod';${use('z')}`],
  ],
};

const allowed: Record<string, Case[]> = {
  'src-main/core/store/probe.ts': [
    ['node:fs', `import { readFileSync } from 'node:fs';${use('readFileSync')}`],
    ['better-sqlite3', `import Database from 'better-sqlite3';${use('Database')}`],
    ['shared', `import { AppError } from '../../shared/errors.ts';${use('AppError')}`],
  ],
  'src-main/core/store/probe-feature.ts': [
    ['ids (base)', `import { newId } from '../ids.ts';${use('newId')}`],
    ['context.ts (its own tier)', `import type { CoreContext } from '../context.ts';\nexport type C = CoreContext;\n`],
    ['shared/figure (a shared folder, not a room)', `import * as e from '../../shared/figure/exact.ts';${use('e')}`],
  ],
  'src-main/core/format/probe.ts': [
    [
      'resources/demo (data, not the demo room)',
      `import demo from '../../../resources/demo/demo-store.json' with { type: 'json' };${use('demo')}`,
    ],
  ],
  'src-main/core/figures/probe.ts': [
    ['catalog', `import { findIndicator } from '../catalog/catalog.ts';${use('findIndicator')}`],
    ['repos', `import { getParkRow } from '../repos/parks.ts';${use('getParkRow')}`],
  ],
  'src-main/core/values/probe.ts': [
    ['another domain room', `import { checkFigures } from '../checks/run-checks.ts';${use('checkFigures')}`],
    ['figures', `import * as f from '../figures/read.ts';${use('f')}`],
  ],
  'src-main/core/session/probe.ts': [['the demo', `import { loadDemo } from '../demo/load-demo.ts';${use('loadDemo')}`]],
  'src-main/core/reports/docx/probe.ts': [
    ['its own context.ts', `import type { RenderContext } from './context.ts';\nexport type C = RenderContext;\n`],
    ['the other writers', `import * as m from '../xlsx/model.ts';${use('m')}`],
    ['format (base)', `import * as f from '../../format/index.ts';${use('f')}`],
  ],
  'src-main/core/store/probe.test.ts': [['a higher room, in a test', `import { readGrid } from '../values/grid.ts';${use('readGrid')}`]],
  'src-main/core/tables/probe.test.ts': [
    ['the harness, in a test', `import { tempStore } from '../../../test/support/temp-store.ts';${use('tempStore')}`],
  ],
  'e2e/probe.spec.ts': [['the harness', `import * as t from '../test/support/corrupt-store.ts';${use('t')}`]],
  'bench/probe.bench.ts': [['the harness', `import * as t from '../test/support/seeded-random.ts';${use('t')}`]],
  'src-main/shared/probe.ts': [
    ['zod', `import { z } from 'zod';${use('z')}`],
    ['a sibling in shared', `import { AppError } from './errors.ts';${use('AppError')}`],
  ],
  'src-renderer/src/features/probe/Probe.tsx': [
    ['src-main/shared', `import { contract } from '../../../../src-main/shared/contract.ts';${use('contract')}`],
    ['react', `import { useState } from 'react';${use('useState')}`],
    ['the bridge', `import { call } from '../../bridge/index.ts';${use('call')}`],
  ],
  'src-main/preload/probe.ts': [
    ['electron', `import { contextBridge } from 'electron';${use('contextBridge')}`],
    ['a type-only import (erased before bundling)', `import type { Envelope } from '../shared/contract.ts';\nexport type E = Envelope<unknown>;\n`],
  ],
  'src-main/window.ts': [['electron in the shell', `import { BrowserWindow } from 'electron';${use('BrowserWindow')}`]],
  'src-main/ipc/probe.ts': [['electron in ipc', `import { ipcMain } from 'electron';${use('ipcMain')}`]],
};

describe.each(Object.entries(forbidden))('%s', (file, cases) => {
  it.each(cases)('refuses %s', async (_label, code, rule) => {
    const hits = await boundaryHits(file, code);
    expect(hits).not.toEqual([]);
    if (rule) expect(hits.some((h) => h.includes(rule)), hits.join('\n')).toBe(true);
  });
});

describe.each(Object.entries(allowed))('%s', (file, cases) => {
  it.each(cases)('accepts %s', async (_label, code) => {
    expect(await boundaryHits(file, code)).toEqual([]);
  });
});

describe('the config', () => {
  it('applies to the real shell files and ignores build output', async () => {
    expect(await eslint.isPathIgnored('out/main/index.js')).toBe(true);
    expect(await eslint.isPathIgnored('src-main/index.ts')).toBe(false);
    expect(await eslint.isPathIgnored('src-renderer/src/main.tsx')).toBe(false);
  });
});
