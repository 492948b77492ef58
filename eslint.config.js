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

// The test harness (test/support/) drives production code and must never become part of it.
const NO_HARNESS = {
  regex: '^(?:\\./|(?:\\.\\./)+)test/',
  message: 'Production code does not import the test harness (test/support/); only tests, e2e/, bench/ and scripts/ do.',
};
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];

/** The rules of one folder: each pattern refused as an import, an export…from, an import() or a require(). */
function restrict(patterns, { allowTypeImports = false, always = [] } = {}) {
  return {
    'no-restricted-imports': ['error', { patterns: patterns.map((p) => ({ ...p, allowTypeImports })) }],
    // import() and require() are not ImportDeclarations; catch them too.
    'no-restricted-syntax': [
      'error',
      ...always,
      ...patterns.flatMap((p) => [
        { selector: `ImportExpression[source.value=/${p.regex.replaceAll('/', '\\/')}/]`, message: p.message },
        {
          selector: `CallExpression[callee.name='require'] > Literal[value=/${p.regex.replaceAll('/', '\\/')}/]`,
          message: p.message,
        },
      ]),
    ],
  };
}

/**
 * One config object per folder, and folders that do not overlap: in flat config a later object
 * replaces a rule's options rather than merging them, so overlapping globs would silently drop
 * a boundary. A folder gives two objects, for its production files and for its tests: `patterns`
 * (what the runtime forbids: electron, node) bind both; `production` (the order of the rooms) and
 * the harness ban bind production files only, since a test may set up what it needs from any room.
 */
function layer(files, patterns, { production = [], ignores = [], allowTypeImports = false } = {}) {
  return [
    { files, ignores: [...ignores, ...TESTS], rules: restrict([...patterns, ...production, NO_HARNESS], { allowTypeImports }) },
    { files: files.flatMap((f) => TESTS.map((t) => [f, t])), ignores, rules: restrict(patterns, { allowTypeImports }) },
  ];
}

/**
 * The rooms of src-main/core in tiers, lowest first, in the manner of VS Code's layers: a room may
 * import rooms of its own tier and of lower ones, never of a higher one. Shared (src-main/shared)
 * sits below them all; the fronts (the CLI, the loopback host, the Electron shell) above them all.
 * `files` are the single-file rooms at the top of core. README, "Rooms and what each may import".
 */
const CORE_TIERS = [
  // Runs without a store: atomic files, Chinese number phrasing, ids, paths, the Host interface.
  { name: 'base', rooms: ['files', 'format'], files: ['host.ts', 'ids.ts', 'paths.ts', 'progress.ts', 'resources.ts', 'stripped-source.mjs', 'stripped-source.test.ts', 'version.ts', 'worker-entry.ts'] },
  // Opening, creating and migrating a store; CoreContext is the open store and who is writing.
  { name: 'store', rooms: ['store'], files: ['context.ts'] },
  // The change log with undo, and parks, periods and row mapping over it.
  { name: 'records', rooms: ['history', 'repos'] },
  // Indicators, categories and the check rules over them: what a stored figure means.
  { name: 'catalog', rooms: ['catalog'] },
  // The one reader of stored figures; it needs the indicator definitions, hence above catalog.
  { name: 'figures', rooms: ['figures'] },
  { name: 'domain', rooms: ['backups', 'checks', 'demo', 'documents', 'extraction', 'imports', 'reports', 'settings', 'tables', 'values'] },
  // dispatch() and its handlers; opening and holding a store for a host; long jobs in a worker
  // thread (core/jobs/: the worker runs domain code on its own read-only connection).
  { name: 'service', rooms: ['jobs', 'rpc', 'session'] },
];
// Everything in src-main outside core and shared: core never reaches back into a host.
const FRONTS = {
  rooms: ['cli', 'http', 'ipc', 'host', 'preload'],
  files: ['cli.ts', 'index.ts', 'window.ts', 'menu.ts', 'security.ts', 'paths-electron.ts', 'single-instance.ts'],
};

/**
 * An import, from a file in src-main/core, of one of these rooms: the room is the first folder (or
 * file) after the leading ./ or ../ run, so resources/demo/… or shared/figure/… never match. A file
 * at the top of core reaches a room with ./, a file in a room with ../ (./ is its own room's: the
 * writers have a context.ts of their own). The fronts lie outside core, reached by ../ only.
 */
function roomsRegex({ rooms = [], files = [] }, { from }) {
  const alternatives = [...rooms.map((r) => `${r}/`), ...files.map((f) => `${f.replaceAll('.', '\\.')}$`)];
  const lead = { top: '(?:\\./|\\.\\./core/)', room: '(?:\\.\\./)+(?:core/)?', front: '(?:\\.\\./)+' }[from];
  return `^${lead}(?:${alternatives.join('|')})`;
}

const nameList = ({ rooms = [], files = [] }) => [...rooms, ...files].join(', ');

/** What a file of a tier may not import: every higher tier, and the fronts. */
function upward(tierIndex, from) {
  const tier = CORE_TIERS[tierIndex];
  return [
    ...CORE_TIERS.slice(tierIndex + 1).map((higher) => ({
      regex: roomsRegex(higher, { from }),
      message: `The ${tier.name} tier of core never imports the ${higher.name} tier above it (${nameList(higher)}).`,
    })),
    {
      regex: roomsRegex(FRONTS, { from: 'front' }),
      message: 'core never imports a front (the CLI, the loopback host, the Electron shell): they call core.',
    },
  ];
}

// The writers take a model and give bytes; the table and document code gathers the figures and
// calls them, never the reverse (a reports → tables import once made a cycle). So besides shared
// they import only the base rooms and themselves.
const ABOVE_BASE = { rooms: CORE_TIERS.slice(1).flatMap((t) => t.rooms), files: CORE_TIERS.slice(1).flatMap((t) => t.files ?? []) };
const WRITERS_ONLY = [
  { regex: '^better-sqlite3$', message: 'core/reports writes files from a model: it never touches the store (no better-sqlite3).' },
  {
    regex: roomsRegex({ ...ABOVE_BASE, rooms: ABOVE_BASE.rooms.filter((r) => r !== 'reports') }, { from: 'room' }),
    message: 'core/reports imports only shared, the base rooms and itself: the store and the domain rooms call the writers.',
  },
];

/** Rules a room keeps beyond its tier's. */
const ROOM_RULES = { reports: WRITERS_ONLY };

function coreLayers() {
  const tiers = CORE_TIERS.flatMap((tier, i) => [
    ...tier.rooms.flatMap((room) =>
      layer([`src-main/core/${room}/**`], [NO_ELECTRON], { production: [...upward(i, 'room'), ...(ROOM_RULES[room] ?? [])] }),
    ),
    ...(tier.files ? layer(tier.files.map((f) => `src-main/core/${f}`), [NO_ELECTRON], { production: upward(i, 'top') }) : []),
  ]);
  // A folder or file of core that no tier names fails until it is placed.
  const placed = CORE_TIERS.flatMap((t) => [...t.rooms.map((r) => `src-main/core/${r}/**`), ...(t.files ?? []).map((f) => `src-main/core/${f}`)]);
  const unplaced = {
    files: ['src-main/core/**'],
    ignores: placed,
    rules: restrict([NO_ELECTRON], {
      always: [{ selector: 'Program', message: 'This room of src-main/core is in no tier: add it to CORE_TIERS in eslint.config.js.' }],
    }),
  };
  return [...tiers, unplaced];
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

  // (a) The core, in tiers (CORE_TIERS), and the fronts that run without Electron (the CLI, the
  // loopback host); then the Electron shell, bound only by the harness ban.
  ...coreLayers(),
  ...layer(['src-main/http/**', 'src-main/cli/**', 'src-main/cli.ts'], [NO_ELECTRON]),
  ...layer(['src-main/*.ts', 'src-main/ipc/**', 'src-main/host/**'], [], { ignores: ['src-main/cli.ts'] }),
  ...layer(['bin/**'], []),
  // (b) shared/ is bundled into the renderer as well: no Node, no native modules, nothing from core.
  ...layer(
    ['src-main/shared/**'],
    [
      NO_ELECTRON,
      NO_NODE,
      NO_NATIVE,
      { regex: '(?:^|/)core(?:/|$)', message: 'shared/ must not depend on core/ (the renderer imports shared/).' },
    ],
  ),
  // (c) The renderer talks to the main process only through the contract in src-main/shared.
  ...layer(
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
  ...layer(
    ['src-main/preload/**'],
    [{ regex: '^(?!electron$)', message: 'The sandboxed preload may import only electron (contextBridge, ipcRenderer).' }],
    { allowTypeImports: true },
  ),
  // The preload's own test replaces electron with a mock through vitest.
  { files: ['src-main/preload/**/*.test.ts'], rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' } },
]);
