// `parkbrief export --format xlsx --template table|compare|form|fill --period P --out FILE.xlsx
// [--park NAME] [--years 2018-2022] [--parks A,B] [--kind actual|target] [--db FILE]`: the Excel
// exports of tables.export, written atomically. The options of the Word export are refused here,
// and these are refused there, so a mistyped command never half-works.

import { AppError } from '../shared/errors.ts';
import { TABLE_TEMPLATES, type TableTemplate } from '../shared/tables.ts';
import { writeFileAtomic } from '../core/files/write-file-atomic.ts';
import { findParkByName } from '../core/repos/parks.ts';
import { requirePeriodByKey } from '../core/repos/periods.ts';
import { allParks, exportXlsx } from '../core/tables/export-xlsx.ts';
import { yearColumns } from '../core/tables/period-columns.ts';
import { kindOf, required, USAGE, withStore } from './commands.ts';
import { EXIT, type CliIo } from './io.ts';

type Args = Record<string, string | boolean | undefined>;

const usage = (zh: string, en: string) => new AppError('USAGE', { detail: `${zh}（${en}）\n\n${USAGE}` });

/** Options only the Excel export takes; the Word export refuses them. */
export const XLSX_ONLY = ['years', 'parks', 'kind'] as const;

export function cmdExportXlsx(args: Args, io: CliIo): Promise<number> {
  const template = required(args, 'template');
  if (!(TABLE_TEMPLATES as readonly string[]).includes(template)) throw new AppError('XLSX_TEMPLATE_UNKNOWN', { template });
  const periodKey = required(args, 'period');
  const out = required(args, 'out');
  const kind = kindOf(args);
  if (template !== 'compare') required(args, 'park');
  if (args['allow-markers']) throw usage('--allow-markers 只用于 Word 导出', '--allow-markers is for the Word export');
  if (args.years !== undefined && template !== 'table') throw usage('--years 只用于 --template table', '--years is for --template table');
  if (args.parks !== undefined && template !== 'compare') throw usage('--parks 只用于 --template compare', '--parks is for --template compare');
  if (args['all-parks'] && template !== 'compare') throw usage('--all-parks 在 Excel 导出中只用于 compare', '--all-parks is for --template compare');
  const parkNames = typeof args.parks === 'string' ? args.parks.split(/[,，、]/).map((s) => s.trim()).filter(Boolean) : null;
  if (parkNames && !parkNames.length) throw usage('--parks 应列出园区名称，用逗号分隔', '--parks takes park names separated by commas');

  return withStore(args, io, async (ctx) => {
    const period = requirePeriodByKey(ctx.db, periodKey);
    const parkIds = parkNames ? parkNames.map((n) => findParkByName(ctx.db, n).id) : undefined;
    const home = typeof args.park === 'string' ? findParkByName(ctx.db, args.park).id : (parkIds?.[0] ?? allParks(ctx.db)[0]?.id);
    if (!home) throw new AppError('PARK_NOT_FOUND', { park: '（库中没有园区）' });
    const periodIds = typeof args.years === 'string' ? yearColumns(ctx.db, args.years).map((p) => p.id) : undefined;
    const file = await exportXlsx(ctx, { template: template as TableTemplate, parkId: home, periodId: period.id, kind, parkIds, periodIds });
    writeFileAtomic(out, file.bytes);
    io.out(`已导出：${out}（${file.sheets} 个工作表，${Math.max(1, Math.round(file.bytes.length / 1024))} KB）`);
    return EXIT.ok;
  });
}
