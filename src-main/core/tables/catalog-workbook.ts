// The catalogue as a workbook to edit in Excel or WPS and import back (core/imports/catalog-import.ts):
// a sheet of indicators (with their aliases, 其中 parent and whether retired), the store's own units
// and qualifiers, and the check rules. The headings are the import's: a column is found by its
// heading, so the user may reorder columns or add their own notes beside them.

import ExcelJS from '../reports/xlsx/exceljs.ts';
import { BUILTIN_QUALIFIERS, QUALIFIERS } from '../../shared/figure/qualifiers.ts';
import { isBuiltinUnit, UNITS, type UnitDef } from '../../shared/figure/units.ts';
import { terminatingPlaces, toDecimalText } from '../../shared/figure/exact.ts';
import { getCatalog } from '../catalog/get-catalog.ts';
import type { CoreContext } from '../context.ts';
import type { OutgoingFile } from '../host.ts';

/** Sheet and column headings, shared with the import. */
export const CATALOG_SHEETS = {
  indicators: { name: '指标', columns: ['代码', '名称', '英文名称', '分类', '计量单位', '小数位', '统计口径', '其中（上级代码）', '别名', '停用'] },
  units: { name: '计量单位', columns: ['单位', '等于', '英文'] },
  qualifiers: { name: '限定词', columns: ['限定词', '含义', '位置', '英文'] },
  rules: { name: '审核关系', columns: ['代码', '类型', '表达式', '容差', '说明'] },
} as const;

/** What a qualifier's meaning and place are called in the workbook. */
export const MEANING_WORDS = { above: '多于', below: '少于', about: '约', atLeast: '不少于' } as const;
export const PLACE_WORDS = { before: '数字前', infix: '数字后', after: '单位后' } as const;

/** The base unit each dimension's factors are given in. */
const BASE_UNIT = { cny: '元', usd: '美元', area: '平方公里', count: '个', percent: '%', workdays: '工作日' } as const;

/** "0.01 平方公里" where the factor is a finite decimal, else "1/15 平方公里". */
export function equalsText(u: UnitDef): string {
  const places = terminatingPlaces(u.factor.den);
  const amount = places === null ? `${u.factor.num}/${u.factor.den}` : toDecimalText(u.factor, places);
  return `${amount} ${BASE_UNIT[u.dimension]}`;
}

export async function exportCatalogWorkbook(ctx: CoreContext): Promise<OutgoingFile> {
  const cat = getCatalog(ctx.db);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ParkBrief';
  const sheet = (def: { name: string; columns: readonly string[] }, rows: (string | number)[][], widths: number[]) => {
    const ws = wb.addWorksheet(def.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow([...def.columns]).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  };
  const catName = new Map(cat.categories.map((c) => [c.code, c.name]));
  sheet(
    CATALOG_SHEETS.indicators,
    cat.indicators.map((i) => [
      i.code,
      i.name,
      i.nameEn ?? '',
      catName.get(i.categoryCode) ?? i.categoryCode,
      i.unit,
      i.decimals,
      i.scope ?? '',
      i.parentCode ?? '',
      (cat.aliases[i.id] ?? []).join('、'),
      i.retired ? '是' : '',
    ]),
    [8, 28, 28, 14, 10, 8, 12, 14, 40, 6],
  );
  sheet(
    CATALOG_SHEETS.units,
    UNITS.filter((u) => !isBuiltinUnit(u.code)).map((u) => [u.code, equalsText(u), u.en === u.code ? '' : u.en]),
    [12, 20, 16],
  );
  sheet(
    CATALOG_SHEETS.qualifiers,
    QUALIFIERS.filter((q) => !BUILTIN_QUALIFIERS.some((b) => b.code === q.code)).map((q) => [q.code, MEANING_WORDS[q.meaning], PLACE_WORDS[q.at], q.en === q.code ? '' : q.en]),
    [10, 10, 10, 16],
  );
  sheet(
    CATALOG_SHEETS.rules,
    cat.rules.map((r) => [r.code, r.kind, r.expr, r.tolerance ?? '', r.description]),
    [8, 10, 40, 8, 60],
  );
  return {
    fileName: `指标库-v${cat.version}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
