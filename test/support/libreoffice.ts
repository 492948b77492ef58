// Test support: render an export the way a user's office suite would, to check it beyond its XML.
// LibreOffice converts to PDF or text, poppler turns the PDF into page images and counts pages.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const LIBREOFFICE_PACKAGES = 'libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils';

/** Set PARKBRIEF_SKIP_LIBREOFFICE=1 on machines that cannot install LibreOffice; otherwise its tests fail. */
export const SKIP_LIBREOFFICE = process.env.PARKBRIEF_SKIP_LIBREOFFICE === '1';

export interface ToolOptions {
  /** The soffice binary; a name is looked up on PATH. */
  soffice?: string;
  timeoutMs?: number;
}

interface Output {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Fontconfig's configuration for every render: the system's, plus the GB/T 9704 face names bound to
 * installed faces of the same role (黑体 → a sans, 楷体 → a kai, 仿宋 → a serif), so a page image
 * shows a 黑体 heading against a 仿宋 body instead of one fallback face for all of them.
 */
export const FONTCONFIG_FILE = fileURLToPath(new URL('./fonts/fonts.conf', import.meta.url));

function run(cmd: string, args: string[], timeoutMs: number): Promise<Output> {
  const env = { ...process.env, FONTCONFIG_FILE };
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8', env }, (err, stdout, stderr) => {
      if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') return reject(missingTool(cmd));
      if (err && err.killed) return reject(new Error(`${cmd} timed out after ${timeoutMs} ms\n${stderr}`));
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

function onPath(cmd: string): boolean {
  if (cmd.includes('/')) return existsSync(cmd);
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, cmd)));
}

function missingTool(cmd: string): Error {
  const pkg = basename(cmd).startsWith('soffice') ? 'libreoffice-writer-nogui libreoffice-calc-nogui' : 'poppler-utils';
  return new Error(
    `${cmd} is not installed; the export checks need LibreOffice and poppler. ` +
      `On Debian: apt-get install -y --no-install-recommends ${LIBREOFFICE_PACKAGES} ` +
      `(missing here: ${pkg}), or set PARKBRIEF_SKIP_LIBREOFFICE=1 to skip these tests.`,
  );
}

// csv: comma, double quotes, UTF-8, and cell contents as shown (token 9), so a number format such
// as "近"0.0 reads 近80.0; only the first sheet is written (token 12 would pick others).
// xlsx: a workbook re-saved by Calc, as a colleague without Excel sends a filled template back.
const FILTERS = {
  pdf: 'pdf',
  txt: 'txt:Text (encoded):UTF8',
  csv: 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false',
  xlsx: 'xlsx:Calc MS Excel 2007 XML',
} as const;

/**
 * Converts `file` into `outDir` and returns the new file's path. Every run gets its own profile:
 * two soffice processes sharing one can silently produce nothing and still exit 0, which is why the
 * output is checked rather than the exit code trusted.
 */
export async function convertWithLibreOffice(file: string, to: keyof typeof FILTERS, outDir: string, opts: ToolOptions = {}): Promise<string> {
  const soffice = opts.soffice ?? 'soffice';
  if (!onPath(soffice)) throw missingTool(soffice);
  if (!existsSync(file)) throw new Error(`convertWithLibreOffice: no such file ${file}`);
  const out = join(outDir, `${basename(file, extname(file))}.${to}`);
  if (out === file) throw new Error(`convertWithLibreOffice: ${file} would be overwritten by its own conversion; pick another outDir`);
  if (existsSync(out)) unlinkSync(out);
  const profile = mkdtempSync(join(tmpdir(), 'parkbrief-lo-'));
  try {
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      FILTERS[to],
      '--outdir',
      outDir,
      file,
    ];
    const res = await run(soffice, args, opts.timeoutMs ?? 120_000);
    const size = existsSync(out) ? statSync(out).size : 0;
    if (res.code !== 0 || size === 0) {
      throw new Error(
        `LibreOffice did not convert ${file} to ${to} (exit ${res.code}, ${existsSync(out) ? 'empty output' : 'no output'} at ${out})\n` +
          `stderr: ${res.stderr.trim() || '(none)'}\nstdout: ${res.stdout.trim() || '(none)'}`,
      );
    }
    return out;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Page images `<outPrefix>-<n>.png` (n from 1, unpadded), in page order; stale ones from an earlier run are removed first. */
export async function pdfToPngs(pdf: string, outPrefix: string, opts: { dpi?: number } = {}): Promise<string[]> {
  const dir = dirname(outPrefix);
  const stem = basename(outPrefix);
  const ours = (name: string) => {
    const m = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)\\.png$`).exec(name);
    return m ? Number(m[1]) : undefined;
  };
  for (const name of readdirSync(dir)) if (ours(name) !== undefined) unlinkSync(join(dir, name));
  const res = await run('pdftoppm', ['-r', String(opts.dpi ?? 60), '-png', pdf, outPrefix], 120_000);
  if (res.code !== 0) throw new Error(`pdftoppm failed on ${pdf} (exit ${res.code}): ${res.stderr.trim()}`);
  // pdftoppm pads the page number to the width of the page count (-01, -02 …); the callers want -1, -2.
  const pages = readdirSync(dir)
    .map((name) => ({ name, n: ours(name) }))
    .filter((p): p is { name: string; n: number } => p.n !== undefined)
    .sort((a, b) => a.n - b.n);
  return pages.map(({ name, n }) => {
    const want = join(dir, `${stem}-${n}.png`);
    const have = join(dir, name);
    if (have !== want) renameSync(have, want);
    return want;
  });
}

export async function pdfPageCount(pdf: string): Promise<number> {
  const res = await run('pdfinfo', [pdf], 30_000);
  const m = /^Pages:\s+(\d+)/m.exec(res.stdout);
  if (res.code !== 0 || !m) throw new Error(`pdfinfo could not read ${pdf} (exit ${res.code}): ${res.stderr.trim()}`);
  return Number(m[1]);
}

/** The PDF's text in reading order, as poppler extracts it. */
export async function pdfText(pdf: string): Promise<string> {
  const res = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'], 30_000);
  if (res.code !== 0) throw new Error(`pdftotext failed on ${pdf} (exit ${res.code}): ${res.stderr.trim()}`);
  return res.stdout;
}

export interface PdfLine {
  /** Points from the page's top-left corner, as poppler gives them. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** The line's words joined without spaces: Chinese has none, and the checks compare text without them. */
  text: string;
  /** Lines of one flow (poppler's guess at one column of running text) share this number on their page. */
  flow: number;
}

export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
}

const unescapeXml = (s: string) => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');

/**
 * Every page's text lines with their positions (poppler's -bbox-layout), for checks on where text fell.
 * `superscripts: false` leaves out words boxed lower than three quarters of their line's tallest —
 * a footnote's reference, which poppler reads into its line now and then and else as a line apart.
 */
export async function pdfLines(pdf: string, opts: { superscripts?: boolean } = {}): Promise<PdfPage[]> {
  const res = await run('pdftotext', ['-enc', 'UTF-8', '-bbox-layout', pdf, '-'], 60_000);
  if (res.code !== 0) throw new Error(`pdftotext -bbox-layout failed on ${pdf} (exit ${res.code}): ${res.stderr.trim()}`);
  const num = (tag: string, name: string) => Number(new RegExp(`${name}="([\\d.]+)"`).exec(tag)?.[1] ?? NaN);
  return [...res.stdout.matchAll(/<page\b([^>]*)>([\s\S]*?)<\/page>/g)].map(([, pageAttrs, body]) => {
    const lines: PdfLine[] = [];
    [...body!.matchAll(/<flow>([\s\S]*?)<\/flow>/g)].forEach(([, flow], f) => {
      for (const [, attrs, inner] of flow!.matchAll(/<line\b([^>]*)>([\s\S]*?)<\/line>/g)) {
        let words = [...inner!.matchAll(/<word\b([^>]*)>([^<]*)<\/word>/g)].map((w) => ({ height: num(w[1]!, 'yMax') - num(w[1]!, 'yMin'), text: unescapeXml(w[2]!) }));
        if (opts.superscripts === false) {
          const tallest = Math.max(...words.map((w) => w.height));
          words = words.filter((w) => w.height >= 0.75 * tallest);
        }
        const text = words.map((w) => w.text).join('');
        lines.push({ x0: num(attrs!, 'xMin'), y0: num(attrs!, 'yMin'), x1: num(attrs!, 'xMax'), y1: num(attrs!, 'yMax'), text, flow: f });
      }
    });
    return { width: num(pageAttrs!, 'width'), height: num(pageAttrs!, 'height'), lines };
  });
}
