// Lint for the whole repository. Besides the usual recommended rules it enforces the layer
// boundaries of docs/ARCHITECTURE.md, so that the core keeps running under plain Node (there is no
// Electron binary on the build machines) and the renderer stays a browser page. scripts/
// layer-rules.test.ts proves each boundary rule can fail.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// Bare names too ('fs', 'path/posix'): Node resolves them without the node: prefix.
const NODE_BUILTIN = `^(?:node:|(?:${builtinModules.filter((m) => !m.startsWith('_')).join('|')})(?:/|$))`;

// A leading underscore marks a parameter kept for its position (Electron callbacks, handlers).
const UNUSED = { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true };

const NO_ELECTRON = {
  regex: '^electron(?:/|$)',
  message: 'Runs under plain Node or in the browser: only the Electron shell (src-main/index, window, menu, ipc, preload) may import electron.',
};
const NO_NODE = {
  regex: NODE_BUILTIN,
  message: 'This code also runs in the renderer (a browser page): no Node built-ins.',
};
const NO_NATIVE = {
  regex: '^(?:better-sqlite3|docx|exceljs)$',
  message: 'The store and the document writers live in src-main/core; reach them through the contract (call/dispatch).',
};

/**
 * One config object per folder, and folders that do not overlap: in flat config a later object
 * replaces a rule's options rather than merging them, so overlapping globs would silently drop
 * a boundary.
 */
function layer(files, patterns, { allowTypeImports = false } = {}) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: patterns.map((p) => ({ ...p, allowTypeImports })) }],
      // import() and require() are not ImportDeclarations; catch them too.
      'no-restricted-syntax': [
        'error',
        ...patterns.flatMap((p) => [
          { selector: `ImportExpression[source.value=/${p.regex.replaceAll('/', '\\/')}/]`, message: p.message },
          {
            selector: `CallExpression[callee.name='require'] > Literal[value=/${p.regex.replaceAll('/', '\\/')}/]`,
            message: p.message,
          },
        ]),
      ],
    },
  };
}

export default defineConfig([
  globalIgnores(['out/', 'dist/', 'node_modules/', 'e2e/artifacts/', 'test-results/', 'playwright-report/', 'coverage/']),

  { files: ['**/*.{ts,tsx,js,mjs}'], extends: [js.configs.recommended] },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: { ...globals.node } },
    rules: { 'no-unused-vars': ['error', UNUSED] },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommended],
    rules: { 'no-unused-vars': 'off', '@typescript-eslint/no-unused-vars': ['error', UNUSED] },
  },
  // Playwright reads a fixture's dependencies from its first parameter, which must be an object
  // pattern even when empty: `async ({}, use) => …` is the documented form.
  { files: ['e2e/**/*.ts'], rules: { 'no-empty-pattern': 'off' } },
  {
    files: ['src-renderer/**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser } },
    extends: [reactHooks.configs.flat.recommended],
  },

  // (a) The core, and everything else meant to run without Electron (the CLI, the loopback host).
  layer(['src-main/core/**', 'src-main/http/**', 'src-main/cli/**', 'src-main/cli.ts'], [NO_ELECTRON]),
  // (b) shared/ is bundled into the renderer as well: no Node, no native modules, nothing from core.
  layer(
    ['src-main/shared/**'],
    [
      NO_ELECTRON,
      NO_NODE,
      NO_NATIVE,
      { regex: '(?:^|/)core(?:/|$)', message: 'shared/ must not depend on core/ (the renderer imports shared/).' },
    ],
  ),
  // (c) The renderer talks to the main process only through the contract in src-main/shared.
  layer(
    ['src-renderer/**'],
    [
      NO_ELECTRON,
      NO_NODE,
      NO_NATIVE,
      {
        regex: '(?:^|/)src-main/(?!shared/)',
        message: 'The renderer may import only src-main/shared (the contract); everything else runs in the main process.',
      },
    ],
  ),
  // (d) The preload runs sandboxed, where require() knows only 'electron'. Type-only imports are
  // allowed because they are erased before bundling.
  layer(
    ['src-main/preload/**'],
    [{ regex: '^(?!electron$)', message: 'The sandboxed preload may import only electron (contextBridge, ipcRenderer).' }],
    { allowTypeImports: true },
  ),
  // The preload's own test replaces electron with a mock through vitest.
  { files: ['src-main/preload/**/*.test.ts'], rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' } },
]);
