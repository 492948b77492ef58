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

type Case = [label: string, code: string];

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
  it.each(cases)('refuses %s', async (_label, code) => {
    expect(await boundaryHits(file, code)).not.toEqual([]);
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
