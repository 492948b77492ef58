// The catalogue as a table (issue 12, part 6): exported to .xlsx, edited as an office would in Excel
// or WPS, imported back with a preview of new and changed indicators, units, aliases and rules, and
// applied as one undo step. A workbook with a refused row writes nothing.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCliCaptured as cli } from '../../test/support/run-cli-captured.ts';

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-catwb-'));
  db = join(dir, 'store.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function edit(file: string, change: (wb: ExcelJS.Workbook) => void, out: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  change(wb);
  await wb.xlsx.writeFile(out);
}

/** The row of a sheet whose first cell says `code`. */
function rowOf(ws: ExcelJS.Worksheet, code: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((r) => {
    if (String(r.getCell(1).value) === code) found = r;
  });
  if (!found) throw new Error(`no row ${code}`);
  return found;
}

it('exports, takes back an edited workbook with a preview, and applies it as one undo step', async () => {
  const file = join(dir, '指标库.xlsx');
  expect((await cli(['catalog', 'export', file, '--db', db])).out).toBe(`已导出指标库：${file}`);

  const edited = join(dir, '指标库-修改.xlsx');
  await edit(
    file,
    (wb) => {
      const ind = wb.getWorksheet('指标')!;
      // 别名 is column 9, 小数位 column 6.
      rowOf(ind, 'E06').getCell(9).value = '一般公共预算收入、地方财政收入、公共预算收入';
      rowOf(ind, 'E02').getCell(6).value = 1;
      ind.addRow(['', '数字经济核心产业增加值', 'Digital economy value added', '产业发展', '万平方米', 2, '', '', '数字经济增加值', '']);
      wb.getWorksheet('计量单位')!.addRow(['万平方米', '0.01 平方公里', '10k m²']);
      wb.getWorksheet('审核关系')!.addRow(['R90', 'compare', 'E01 >= 0', '', '地区生产总值不为负']);
    },
    edited,
  );

  const dry = await cli(['catalog', 'import', edited, '--dry-run', '--db', db]);
  expect(dry.code).toBe(0);
  expect(dry.out).toContain('指标库导入预览「指标库-修改.xlsx」：5 项改动 · 错误 0');
  expect(dry.out).toContain('+ 计量单位 万平方米：等于 0.01 平方公里');
  expect(dry.out).toContain('~ 指标 地方一般公共预算收入：别名 一般公共预算收入、地方财政收入、一般预算收入、公共财政预算收入 → 一般公共预算收入、地方财政收入、公共预算收入');
  expect(dry.out).toContain('~ 指标 园区总收入：小数位 2 → 1');
  expect(dry.out).toContain('+ 指标 数字经济核心产业增加值：计量单位 万平方米；别名 数字经济增加值');
  expect(dry.out).toContain('+ 审核关系 R90：表达式 E01 >= 0');
  expect((await cli(['indicators', 'list', '--json', '--db', db])).out).not.toContain('数字经济核心产业增加值');

  const applied = await cli(['catalog', 'import', edited, '--db', db]);
  expect(applied.out).toContain('已导入 5 项改动（可一步撤销：导入指标库「指标库-修改.xlsx」）。');
  const list = JSON.parse((await cli(['indicators', 'list', '--json', '--db', db])).out) as { code: string; name: string; decimals: number; aliases: string[] }[];
  expect(list.find((i) => i.code === 'E06')?.aliases).toEqual(['一般公共预算收入', '地方财政收入', '公共预算收入']);
  expect(list.find((i) => i.code === 'E02')?.decimals).toBe(1);
  expect(list.find((i) => i.name === '数字经济核心产业增加值')).toBeDefined();

  // A second import of the same workbook changes nothing.
  expect((await cli(['catalog', 'import', edited, '--db', db])).out).toContain('没有改动，未写入。');
});

it('refuses a workbook with a bad row, naming its sheet and row, and writes nothing', async () => {
  const file = join(dir, '指标库.xlsx');
  await cli(['catalog', 'export', file, '--db', db]);
  const edited = join(dir, '坏.xlsx');
  await edit(
    file,
    (wb) => {
      const ind = wb.getWorksheet('指标')!;
      rowOf(ind, 'E05').getCell(9).value = '地区生产总值';
      ind.addRow(['', '税收收入', '', '经济总量', '斤', 2]);
    },
    edited,
  );
  const before = (await cli(['indicators', 'list', '--json', '--db', db])).out;
  const r = await cli(['catalog', 'import', edited, '--db', db]);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/指标 第 \d+ 行：别名「地区生产总值」已是指标「地区生产总值」的名称或别名/);
  expect(r.err).toMatch(/指标 第 \d+ 行：未知的计量单位「斤」/);
  expect((await cli(['indicators', 'list', '--json', '--db', db])).out).toBe(before);
});
