// `parkbrief export`: a Word document (documents.export, a bulletin issue of several articles with
// --articles, or documents.exportYearbook for --all-parks) or, with --format xlsx, an Excel table (export-xlsx-command.ts), written to --out.

import { TEMPLATES, type Template } from '../shared/document.ts';
import { AppError } from '../shared/errors.ts';
import type { Park } from '../shared/model.ts';
import { parse, required, usageError, type Args } from './args.ts';
import { EXIT, type CliIo } from './io.ts';
import { OutFileHost } from './out-file-host.ts';
import { withStore } from './store.ts';

/** Options only the Excel export takes; the Word export refuses them. */
export const XLSX_ONLY = ['years', 'parks', 'kind'] as const;

export async function cmdExport(argv: string[], io: CliIo): Promise<number> {
  const args = parse(argv, {
    park: { type: 'string' },
    'all-parks': { type: 'boolean' },
    period: { type: 'string' },
    template: { type: 'string' },
    out: { type: 'string' },
    'allow-markers': { type: 'boolean' },
    sources: { type: 'boolean' },
    articles: { type: 'string' },
    format: { type: 'string' },
    years: { type: 'string' },
    parks: { type: 'string' },
    kind: { type: 'string' },
  });
  const format = typeof args.format === 'string' ? args.format.trim().toLowerCase() : 'docx';
  if (format === 'xlsx') return (await import('./export-xlsx-command.ts')).cmdExportXlsx(args, io);
  if (format !== 'docx') throw new AppError('EXPORT_FORMAT_UNKNOWN', { format: String(args.format) });
  return exportDocx(args, io);
}

/** --articles 甲,乙: the parks whose documents of the period follow --park's in one bulletin issue, in the order listed. */
function issueArticles(args: Args, template: string, allParks: boolean): string[] | undefined {
  if (args.articles === undefined) return undefined;
  if (allParks) throw usageError('--articles 只用于单个园区的文稿（不用于 --all-parks 年鉴）', '--articles is for one park\'s document, not for --all-parks');
  if (template !== 'bulletin') throw usageError('--articles 只用于 --template bulletin（工作简报合刊）', '--articles is for --template bulletin (one issue of several articles)');
  const names = String(args.articles).split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
  if (!names.length) throw usageError('--articles 应列出园区名称，用逗号分隔', '--articles takes park names separated by commas');
  return names;
}

/** The store's refusal of an article's park without a document of the period, said as the option that named it and what to do. */
function articleRefused(e: unknown, park: Park, period: string): never {
  const missing = e instanceof AppError && e.code === 'DOCUMENT_NOT_FOUND' ? String(e.params?.park ?? '') : '';
  if (!missing || missing === park.name) throw e;
  throw usageError(
    `--articles 中的「${missing}」${period}还没有文稿：一期只收录已有这一期文稿的园区，请先为它写好文稿，或从 --articles 中去掉它`,
    `--articles names "${missing}", which has no document for ${period}: an issue carries only parks with a document of its period; write one first, or leave it out of --articles`,
    false,
  );
}

function exportDocx(args: Args, io: CliIo): Promise<number> {
  for (const o of XLSX_ONLY) {
    if (args[o] !== undefined) throw usageError(`--${o} 只用于 --format xlsx`, `--${o} is for --format xlsx`);
  }
  const periodKey = required(args, 'period');
  const template = required(args, 'template');
  const out = required(args, 'out');
  if (!(TEMPLATES as readonly string[]).includes(template)) throw new AppError('TEMPLATE_UNKNOWN', { template });
  const allParks = args['all-parks'] === true;
  if (allParks && args.sources !== undefined) throw usageError('--sources 只用于单个园区的文稿（不用于 --all-parks 年鉴）', '--sources is for one park\'s document, not for --all-parks');
  const articleNames = issueArticles(args, template, allParks);
  const parkName = allParks ? undefined : required(args, 'park');
  const host = new OutFileHost(out);
  return withStore(
    args,
    io,
    async (store) => {
      const { period, park, parks } = await store.call('names.resolve', { period: periodKey, ...(parkName === undefined ? {} : { park: parkName }), ...(articleNames ? { parks: articleNames } : {}) });
      const request = { periodId: period!.id, template: template as Template, allowMarkers: args['allow-markers'] === true };
      // Each once and never --park's own: the core refuses either, naming the park (core/documents/issue.ts).
      const articles = park && parks ? parks.map((p) => p.id) : undefined;
      if (park) await store.call('documents.export', { ...request, parkId: park.id, ...(args.sources === true ? { sources: true } : {}), ...(articles ? { articles } : {}) }).catch((e: unknown) => articleRefused(e, park, period!.key));
      else await store.call('documents.exportYearbook', request);
      const file = host.written!;
      io.out(`已导出：${out}（${file.documents!} 篇，${Math.round(file.bytes.length / 1024)} KB）`);
      return EXIT.ok;
    },
    host,
  );
}
