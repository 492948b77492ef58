// `parkbrief export --format xlsx --template table|compare|form|fill --period P --out FILE.xlsx
// [--park NAME | --all-parks] [--years 2018-2022] [--parks A,B] [--kind actual|target] [--db FILE]`: the Excel
// exports of tables.export, written atomically; `--template table --all-parks` is the province
// workbook, a sheet per park. The options of the Word export are refused here,
// and these are refused there, so a mistyped command never half-works.

import { AppError } from '../shared/errors.ts';
import { TABLE_TEMPLATES, type TableTemplate } from '../shared/tables.ts';
import { kindOf, required, usageError, type Args } from './args.ts';
import { EXIT, type CliIo } from './io.ts';
import { OutFileHost } from './out-file-host.ts';
import { withStore } from './store.ts';

export function cmdExportXlsx(args: Args, io: CliIo): Promise<number> {
  const template = required(args, 'template');
  if (!(TABLE_TEMPLATES as readonly string[]).includes(template)) throw new AppError('XLSX_TEMPLATE_UNKNOWN', { template });
  const periodKey = required(args, 'period');
  const out = required(args, 'out');
  const kind = kindOf(args);
  const allParks = args['all-parks'] === true;
  if (template !== 'compare' && !(template === 'table' && allParks)) required(args, 'park');
  if (args['allow-markers']) throw usageError('--allow-markers 只用于 Word 导出', '--allow-markers is for the Word export');
  if (args.sources) throw usageError('--sources 只用于 Word 导出', '--sources is for the Word export');
  if (args.years !== undefined && template !== 'table') throw usageError('--years 只用于 --template table', '--years is for --template table');
  if (args.parks !== undefined && template !== 'compare') throw usageError('--parks 只用于 --template compare', '--parks is for --template compare');
  if (allParks && template !== 'compare' && template !== 'table') throw usageError('--all-parks 在 Excel 导出中只用于 table（每个园区一个工作表）和 compare', '--all-parks is for --template table (a sheet per park) and compare');
  const parkNames = typeof args.parks === 'string' ? args.parks.split(/[,，、]/).map((s) => s.trim()).filter(Boolean) : undefined;
  if (parkNames && !parkNames.length) throw usageError('--parks 应列出园区名称，用逗号分隔', '--parks takes park names separated by commas');
  const park = typeof args.park === 'string' ? args.park : undefined;
  const years = typeof args.years === 'string' ? args.years : undefined;

  const host = new OutFileHost(out);
  return withStore(
    args,
    io,
    async (store) => {
      const found = await store.call('names.resolve', { period: periodKey, ...(park === undefined ? {} : { park }), ...(parkNames ? { parks: parkNames } : {}), ...(years === undefined ? {} : { years }) });
      // tables.export names a park for every layout; a comparison without --park takes the first it compares, else the store's first.
      const home = found.park ?? found.parks?.[0] ?? (await store.call('parks.list', {}))[0];
      if (!home) throw new AppError('PARK_NOT_FOUND', { park: '（库中没有园区）' });
      await store.call('tables.export', {
        template: template as TableTemplate,
        parkId: home.id,
        periodId: found.period!.id,
        kind,
        ...(found.parks ? { parkIds: found.parks.map((p) => p.id) } : {}),
        ...(found.years ? { periodIds: found.years.map((p) => p.id) } : {}),
        ...(template === 'table' && allParks ? { allParks: true } : {}),
      });
      io.out(`已导出：${out}（${host.written!.sheets!} 个工作表，${Math.max(1, Math.round(host.written!.bytes.length / 1024))} KB）`);
      return EXIT.ok;
    },
    host,
  );
}
