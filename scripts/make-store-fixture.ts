// Makes src-main/core/store/fixtures/v<N>-demo.sqlite: a store written by the ParkBrief that was
// released at schema version N, not by today's code stopped early — a migration must cope with what
// the old program really wrote (its catalogue, its change-log snapshots, its documents), and only
// that program knows. The commit is checked out into a temporary git worktree, and that version's own
// CLI and RPC dispatch create the demo store and edit it the way a user would.
//
//   node_modules/.bin/node scripts/make-store-fixture.ts <N> [--commit SHA]
//
// Without --commit: the last commit whose migrations stop at N (the parent of the commit that added
// migration N+1), or HEAD when N is the current version. Run from a clean checkout: the worktree holds
// only committed code. The store differs from run to run (ids, timestamps); its content does not.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'src-main/core/store/fixtures');
const INDEX = 'src-main/core/store/migrations/index.ts';
/** The fixture's actor and the env of every step: no developer's name or store ends up in a fixture. */
const ENV = { ...process.env, USER: 'fixture', USERNAME: 'fixture', PARKBRIEF_LANG: '', PARKBRIEF_DB: '' };

type Step = ({ cli: string[] } | { rpc: RpcStep }) & { from?: number };
type RpcStep = 'park-and-indicator' | 'undo-then-edit' | 'documents' | 'undo';

/**
 * What a user of version N did with the store. Every version gets the same edits where it has the
 * feature; `from` gates what came later (documents in the store from 2, the CLI import from 3).
 */
function scenario(version: number): Step[] {
  const steps: Step[] = [
    { cli: ['parks'] }, // creates the store with the demo parks
    { cli: ['set', '--park', '楚雄高新区', '--period', '2022', '--indicator', '地区生产总值', '--value', '340.1'] },
    // A new period, created with its first figure; a qualifier and a reported growth rate.
    { cli: ['set', '--park', '楚雄高新区', '--period', '2023', '--indicator', '地区生产总值', '--value', '360.5', '--qualifier', '约', '--growth', '6.0'] },
    { cli: ['set', '--park', '楚雄高新区', '--period', '2023M1-6', '--indicator', '规上工业增加值', '--value', '12.34'] },
    { cli: ['set', '--park', '昆明高新区', '--period', '2018', '--kind', 'target', '--indicator', '固定资产投资', '--value', '300', '--qualifier', '突破', '--source', '管委会工作报告'] },
    // A figure reported only as a growth rate.
    { cli: ['set', '--park', '昆明高新区', '--period', '2017', '--indicator', '进出口总额', '--growth', '-3.5'] },
    { rpc: 'park-and-indicator' },
    { rpc: 'undo-then-edit' },
    { rpc: 'documents', from: 2 },
    { cli: ['import', 'FIXTURE_CSV', '--park', '楚雄高新区', '--period', '2021'], from: 3 },
    // From 4: a unit and an indicator of the store's own, the indicator with an alias and kept to one park.
    { cli: ['units', 'add', '万平方米', '--equals', '0.01 平方公里'], from: 4 },
    { cli: ['indicators', 'add', '夜间经济客流量', '--unit', '人', '--alias', '夜经济客流', '--park', '大理高新区'], from: 4 },
    // The last batch still on the undo stack: the fixture tests undo it after migrating.
    { cli: ['set', '--park', '楚雄高新区', '--period', '2022', '--indicator', '规划面积', '--value', '84.3'] },
    // And one undone batch above it, for redo.
    { cli: ['set', '--park', '楚雄高新区', '--period', '2022', '--indicator', '新开工项目数', '--value', '20'] },
    { rpc: 'undo' },
  ];
  return steps.filter((s) => (s.from ?? 1) <= version);
}

/** What each RPC step sends through that version's dispatch, as the manifest records it. */
const RPC_CALLS: Record<RpcStep, string> = {
  'park-and-indicator':
    'dispatch parks.create 大理高新区; catalog.createCategory 夜间经济; catalog.createIndicator 夜间经济营业额 (亿元, 2 decimals); values.edit 大理高新区 2022 actual 地区生产总值=150.2, 夜间经济营业额=3.45',
  'undo-then-edit': 'dispatch values.edit 大理高新区 2022 地区生产总值=151; history.undo; values.edit 大理高新区 2022 规上企业数=42 (the undone batch becomes dropped)',
  documents:
    'dispatch settings.update rounding=half-even; photos.add a 24×16 PNG; documents.save 楚雄高新区 2022 (title +（修订）, a lead paragraph with placeholders, the photo); documents.copy 楚雄高新区 2023 from previous',
  undo: 'dispatch history.undo',
};

const FIXTURE_CSV = '指标名称,本期值,单位\n规上企业数,88,家\n高新技术企业数,41,户\n专利授权量,260,件\n';

// ---- run inside the worktree: that version's own dispatch ------------------------------------------

interface Envelope {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
}
interface OldCore {
  openCore(path: string, opts: { origin: string; demoIfNew?: boolean }): { db: Database.Database };
  dispatch(ctx: unknown, method: string, input: unknown): Promise<Envelope>;
}

async function loadOldCore(tree: string): Promise<OldCore> {
  const mod = (p: string) => import(pathToFileURL(join(tree, p)).href);
  // openCore moved from store/ to session/ when the store stopped importing feature code; the
  // fixtures of older versions are made by commits that still have it in store/core.ts.
  const openCoreAt = ['src-main/core/session/open-core.ts', 'src-main/core/store/core.ts'].find((p) => existsSync(join(tree, p)))!;
  const { openCore } = await mod(openCoreAt);
  const { dispatch } = await mod('src-main/core/rpc/dispatch.ts');
  return { openCore, dispatch };
}

async function runRpcStep(step: RpcStep, db: string): Promise<void> {
  const core = await loadOldCore(process.cwd());
  const ctx = core.openCore(db, { origin: 'renderer' });
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await core.dispatch(ctx, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error?.code} ${r.error?.message}`);
    return r.value as T;
  };
  const ids = async (park: string, period: string) => {
    const parks = await call<{ id: string; name: string }[]>('parks.list', {});
    const periods = await call<{ id: string; key: string }[]>('periods.list', {});
    const parkId = parks.find((p) => p.name === park)?.id;
    const periodId = periods.find((p) => p.key === period)?.id ?? (await call<{ id: string }>('periods.create', { key: period })).id;
    if (!parkId) throw new Error(`no park ${park}`);
    return { parkId, periodId };
  };
  const indicatorId = async (name: string) => {
    const cat = await call<{ indicators: { id: string; name: string }[] }>('catalog.get', {});
    const found = cat.indicators.find((i) => i.name === name);
    if (!found) throw new Error(`no indicator ${name}`);
    return found.id;
  };
  const edit = async (park: string, period: string, cells: [string, string][]) =>
    call('values.edit', {
      ...(await ids(park, period)),
      kind: 'actual',
      edits: await Promise.all(cells.map(async ([name, text]) => ({ indicatorId: await indicatorId(name), field: 'value', text }))),
    });
  try {
    if (step === 'park-and-indicator') {
      await call('parks.create', { name: '大理高新区', shortName: '大理', region: '云南省大理白族自治州大理市', level: '省级' });
      const category = await call<{ code: string }>('catalog.createCategory', { name: '夜间经济', nameEn: 'Night-time economy' });
      await call('catalog.createIndicator', { categoryCode: category.code, name: '夜间经济营业额', nameEn: 'Night-time economy turnover', unit: '亿元', decimals: 2 });
      await edit('大理高新区', '2022', [
        ['地区生产总值', '150.2'],
        ['夜间经济营业额', '3.45'],
      ]);
    } else if (step === 'undo-then-edit') {
      // Leaves a 'dropped' batch: undone, then overtaken by a new edit.
      await edit('大理高新区', '2022', [['地区生产总值', '151']]);
      await call('history.undo', {});
      await edit('大理高新区', '2022', [['规上企业数', '42']]);
    } else if (step === 'documents') {
      await call('settings.update', { rounding: 'half-even' });
      const photo = await call<{ sha256: string }>('photos.add', { base64: tinyPng().toString('base64') });
      const where = await ids('楚雄高新区', '2022');
      const doc = await call<{ body: { title: string; lead: string[]; photos: unknown[] } }>('documents.get', where);
      if (!doc) throw new Error('the demo has no 楚雄高新区 2022 document');
      const body = {
        ...doc.body,
        title: `${doc.body.title}（修订）`,
        lead: [...doc.body.lead, '全年地区生产总值{地区生产总值}，夜间经济营业额{夜间经济营业额}。'],
        photos: [...doc.body.photos, { photo: photo.sha256, caption: '园区夜景', credit: '管委会供图', afterSection: -1 }],
      };
      await call('documents.save', { ...where, body });
      // A second document made the way the editor's "copy from the previous period" does.
      await call('documents.copy', { ...(await ids('楚雄高新区', '2023')), from: 'previous' });
    } else {
      await call('history.undo', {});
    }
  } finally {
    ctx.db.close();
  }
}

/** A 24×16 PNG gradient: a real image for photos.add, small enough for a committed fixture. */
function tinyPng(): Buffer {
  const w = 24;
  const h = 16;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) raw.set([20 + x * 9, 40 + y * 12, 120], y * (w * 3 + 1) + 1 + x * 3);
  }
  const chunk = (type: string, data: Buffer) => {
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// ---- run in the checkout: pick the commit, drive the worktree, keep the result ---------------------

const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

/** The schema version a commit's code creates: the highest migration it lists. */
function versionAt(commit: string): number {
  const text = git('show', `${commit}:${INDEX}`);
  return Math.max(0, ...[...text.matchAll(/version:\s*(\d+)/g)].map((m) => Number(m[1])));
}

function commitFor(version: number): string {
  const head = git('rev-parse', 'HEAD');
  const current = versionAt(head);
  if (version === current) return head;
  if (version < 1 || version > current) throw new Error(`schema version ${version} is not between 1 and ${current}`);
  const history = git('log', '--first-parent', '--reverse', '--format=%H', '--', INDEX).split('\n');
  const next = history.find((c) => versionAt(c) > version);
  if (!next) throw new Error(`no commit moves past schema version ${version}`);
  return git('rev-parse', `${next}^`);
}

function makeFixture(version: number, commit: string): void {
  if (versionAt(commit) !== version) throw new Error(`${commit} creates schema version ${versionAt(commit)}, not ${version}`);
  const work = join(ROOT, 'test-results', `store-fixture-v${version}-${process.pid}`);
  const tree = join(work, 'tree');
  const db = join(work, `v${version}-demo.sqlite`);
  mkdirSync(work, { recursive: true });
  git('worktree', 'add', '--detach', tree, commit);
  const log: string[] = [];
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
    writeFileSync(join(work, 'fixture.csv'), FIXTURE_CSV);
    for (const step of scenario(version)) {
      if ('cli' in step) {
        const args = step.cli.map((a) => (a === 'FIXTURE_CSV' ? join(work, 'fixture.csv') : a));
        const out = execFileSync(process.execPath, ['src-main/cli.ts', ...args, '--db', db], { cwd: tree, env: ENV, encoding: 'utf8' });
        log.push(`node src-main/cli.ts ${step.cli.map((a) => (a === 'FIXTURE_CSV' ? 'fixture.csv' : a)).join(' ')} --db FILE`);
        process.stdout.write(out.trim().split('\n').slice(0, 2).join('\n') + '\n');
      } else {
        execFileSync(process.execPath, [import.meta.filename, '--rpc', step.rpc, db], { cwd: tree, env: ENV, stdio: 'inherit' });
        log.push(RPC_CALLS[step.rpc]);
      }
    }
    // Fold the WAL into the file: the fixture is one self-contained file.
    const sqlite = new Database(db);
    sqlite.pragma('journal_mode = DELETE');
    const found = sqlite.pragma('user_version', { simple: true });
    sqlite.close();
    if (found !== version) throw new Error(`the store says version ${found}, expected ${version}`);
    if (existsSync(`${db}-wal`)) throw new Error('the WAL was not folded');
    mkdirSync(FIXTURES, { recursive: true });
    copyFileSync(db, join(FIXTURES, `v${version}-demo.sqlite`));
    recordInManifest(version, commit, log);
    console.log(`wrote src-main/core/store/fixtures/v${version}-demo.sqlite from ${commit.slice(0, 12)}`);
  } finally {
    git('worktree', 'remove', '--force', tree);
    rmSync(work, { recursive: true, force: true });
  }
}

function recordInManifest(version: number, commit: string, steps: string[]): void {
  const file = join(FIXTURES, 'manifest.json');
  const manifest = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  manifest[`v${version}`] = {
    file: `v${version}-demo.sqlite`,
    schemaVersion: version,
    commit,
    subject: git('log', '-1', '--format=%s', commit).slice(0, 120),
    steps,
  };
  const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1))));
  writeFileSync(file, JSON.stringify(sorted, null, 2) + '\n');
}

const argv = process.argv.slice(2);
if (argv[0] === '--rpc') {
  await runRpcStep(argv[1] as RpcStep, argv[2]!);
} else {
  const version = Number(argv[0]);
  if (!Number.isInteger(version)) {
    console.error('usage: node scripts/make-store-fixture.ts <schema version> [--commit SHA]');
    process.exit(2);
  }
  const i = argv.indexOf('--commit');
  makeFixture(version, i >= 0 ? git('rev-parse', argv[i + 1]!) : commitFor(version));
}
