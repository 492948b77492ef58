// `parkbrief export --format xlsx --template table|compare|form|fill --period P --out FILE.xlsx
// [--park NAME] [--years 2018-2022] [--parks A,B] [--kind actual|target] [--db FILE]`: the Excel
// exports of tables.export, written atomically. The options of the Word export are refused here,
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
  if (template !== 'compare') required(args, 'park');
  if (args['allow-markers']) throw usageError('--allow-markers 只用于 Word 导出', '--allow-markers is for the Word export');
  if (args.years !== undefined && template !== 'table') throw usageError('--years 只用于 --template table', '--years is for --template table');
  if (args.parks !== undefined && template !== 'compare') throw usageError('--parks 只用于 --template compare', '--parks is for --template compare');
  if (args['all-parks'] && template !== 'compare') throw usageError('--all-parks 在 Excel 导出中只用于 compare', '--all-parks is for --template compare');
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
      });
      io.out(`已导出：${out}（${host.written!.sheets!} 个工作表，${Math.max(1, Math.round(host.written!.bytes.length / 1024))} KB）`);
      return EXIT.ok;
    },
    host,
  );
}
