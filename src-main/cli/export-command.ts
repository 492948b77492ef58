// `parkbrief export`: a Word document (documents.export, or documents.exportYearbook for
// --all-parks) or, with --format xlsx, an Excel table (export-xlsx-command.ts), written to --out.

import { TEMPLATES, type Template } from '../shared/document.ts';
import { AppError } from '../shared/errors.ts';
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
  const parkName = allParks ? undefined : required(args, 'park');
  const host = new OutFileHost(out);
  return withStore(
    args,
    io,
    async (store) => {
      const { period, park } = await store.call('names.resolve', { period: periodKey, ...(parkName === undefined ? {} : { park: parkName }) });
      const request = { periodId: period!.id, template: template as Template, allowMarkers: args['allow-markers'] === true };
      if (park) await store.call('documents.export', { ...request, parkId: park.id, ...(args.sources === true ? { sources: true } : {}) });
      else await store.call('documents.exportYearbook', request);
      const file = host.written!;
      io.out(`已导出：${out}（${file.documents!} 篇，${Math.round(file.bytes.length / 1024)} KB）`);
      return EXIT.ok;
    },
    host,
  );
}
