import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { openChuxiong2022, valueCell } from './grid-page.ts';

const SHOTS = join(import.meta.dirname, '..', 'test-results');
const GDP = '地区生产总值';
/** Empty for 楚雄高新区 2022 in the demo store: filling it makes one new figure. */
const NEW_ONE = '高新技术企业数';

/** Opens 导出 Excel on a layout; `prepare` sets the layout's options before exporting. */
async function openExport(page: Page, template: 'table' | 'compare' | 'form' | 'fill') {
  await page.getByTestId('export-xlsx').click();
  const dialog = page.getByTestId('xlsx-export-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId(`xlsx-template-${template}`).check();
  return dialog;
}

/** Presses 导出, waits for the download and returns the workbook file, read back by exceljs. */
async function exportAndRead(page: Page): Promise<{ file: string; wb: ExcelJS.Workbook }> {
  const dialog = page.getByTestId('xlsx-export-dialog');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '导出', exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  await expect(dialog.getByTestId('export-result')).toContainText(download.suggestedFilename());
  await dialog.screenshot({ path: join(SHOTS, 'xlsx-export-done.png') });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return { file, wb };
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  return String(v);
}

/** The row whose visible indicator name is `name` (a "其中：" child row included), on a visible sheet. */
function findRow(wb: ExcelJS.Workbook, name: string): { sheet: ExcelJS.Worksheet; row: ExcelJS.Row } {
  for (const sheet of wb.worksheets) {
    if (sheet.state !== 'visible') continue;
    let found: ExcelJS.Row | null = null;
    sheet.eachRow((row) => {
      row.eachCell((c) => {
        if (!found && text(c.value).trim().replace(/^其中：/, '') === name) found = row;
      });
    });
    if (found) return { sheet, row: found };
  }
  throw new Error(`no row for ${name}`);
}

/** The cell of `row` holding `value` as a number. */
function numberCell(row: ExcelJS.Row, value: number): ExcelJS.Cell | null {
  let hit: ExcelJS.Cell | null = null;
  row.eachCell((c) => {
    if (!hit && text(c.value) !== '' && Number(text(c.value)) === value) hit = c;
  });
  return hit;
}

/** Every text above `cell` in its column: the column's headings. */
function columnHeads(sheet: ExcelJS.Worksheet, cell: ExcelJS.Cell): string {
  const col = Number(cell.col);
  const parts: string[] = [];
  for (let r = 1; r < Number(cell.row); r++) parts.push(text(sheet.getRow(r).getCell(col).value));
  return parts.join(' ');
}

function allText(wb: ExcelJS.Workbook): string {
  const parts: string[] = [];
  for (const sheet of wb.worksheets) {
    if (sheet.state !== 'visible') continue;
    parts.push(sheet.name);
    sheet.eachRow((row) => row.eachCell((c) => void parts.push(text(c.value))));
    parts.push(sheet.headerFooter?.oddHeader ?? '');
  }
  return parts.join('\n');
}

/** 导出 Excel → 填报模板 for the current view, saved where this test keeps its files. */
async function exportFill(page: Page) {
  await openExport(page, 'fill');
  const r = await exportAndRead(page);
  await page.getByTestId('export-close').click();
  await expect(page.getByTestId('xlsx-export-dialog')).toBeHidden();
  return r;
}

async function openImport(page: Page, file: string) {
  await page.getByTestId('import-data').click();
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('import-file').setInputFiles(file);
  await dialog.getByRole('button', { name: '预览', exact: true }).click();
  await expect(dialog.getByTestId('import-preview')).toBeVisible({ timeout: 15_000 });
  return dialog;
}

test('导出 Excel: an indicator table holds the store’s figures, and a form keeps its frame', async ({ page, app }) => {
  await openChuxiong2022(page, app.url);
  const dialog = await openExport(page, 'table');
  // The current view is preselected.
  await expect(dialog.getByTestId('xlsx-park').locator('option:checked')).toHaveText('楚雄高新区');
  await expect(dialog.getByTestId('xlsx-period').locator('option:checked')).toHaveText('2022年');
  await expect(dialog.getByTestId('xlsx-kind')).toHaveValue('actual');
  await dialog.getByTestId('columns-pick').check();
  await expect(dialog.getByTestId('column-2022')).toBeChecked();
  await dialog.getByTestId('column-2021').check();
  await page.screenshot({ path: join(SHOTS, 'tables-export-dialog.png') });

  const { wb } = await exportAndRead(page);
  const { sheet, row } = findRow(wb, GDP);
  const cell = numberCell(row, 333.52);
  expect(cell, `${GDP} 333.52 on sheet ${sheet.name}`).not.toBeNull();
  expect(columnHeads(sheet, cell!)).toContain('2022');
  expect(allText(wb)).toContain('楚雄高新区');
  await dialog.getByTestId('export-close').click();

  // 统计报表: the frame typed once is printed and offered again next time.
  const form = await openExport(page, 'form');
  await form.getByTestId('frame-tableNo').fill('园统1表');
  await form.getByTestId('frame-preparer').fill('李明');
  await page.screenshot({ path: join(SHOTS, 'tables-export-form.png') });
  const printed = allText((await exportAndRead(page)).wb);
  expect(printed).toContain('园统1表');
  expect(printed).toContain('李明');
  await form.getByTestId('export-close').click();
  const again = await openExport(page, 'form');
  await expect(again.getByTestId('frame-tableNo')).toHaveValue('园统1表');
});

test('导入数据: a filled template previews changed and new figures, applies as one step, and one undo takes it back', async ({ page, app }) => {
  await openChuxiong2022(page, app.url);
  await expect(valueCell(page, NEW_ONE)).toHaveText('');
  const { file, wb } = await exportFill(page);

  // A colleague corrects one figure and adds one.
  const gdp = findRow(wb, GDP);
  const gdpCell = numberCell(gdp.row, 333.52);
  expect(gdpCell, 'the template is prefilled with 333.52').not.toBeNull();
  gdpCell!.value = 351.07;
  const added = findRow(wb, NEW_ONE);
  expect(added.sheet.name).toBe(gdp.sheet.name);
  added.row.getCell(Number(gdpCell!.col)).value = 52;
  const filled = file.replace(/\.xlsx$/, '-已填.xlsx');
  await wb.xlsx.writeFile(filled);

  const dialog = await openImport(page, filled);
  await expect(dialog.getByTestId('import-count-changed')).toContainText('1');
  await expect(dialog.getByTestId('import-count-new')).toContainText('1');
  await expect(dialog.getByTestId('import-count-errors')).toContainText('0');
  const changed = dialog.getByTestId('import-changed').locator(`tr[data-indicator="${GDP}"]`);
  await expect(changed).toContainText('333.52亿元 → 351.07亿元');
  await expect(changed).toContainText('楚雄高新区');
  await expect(changed).toContainText('2022年');
  await expect(dialog.getByTestId('import-new').locator(`tr[data-indicator="${NEW_ONE}"]`)).toContainText('52');
  await expect(dialog.getByTestId('import-apply')).toBeEnabled();
  await page.screenshot({ path: join(SHOTS, 'tables-import-preview.png') });

  await dialog.getByTestId('import-apply').click();
  await expect(dialog.getByTestId('import-applied')).toContainText('新增 1 项，修改 1 项');
  await dialog.getByTestId('import-close').click();
  await expect(dialog).toBeHidden();
  await expect(valueCell(page, GDP)).toHaveText('351.07');
  await expect(valueCell(page, NEW_ONE)).toHaveText('52');
  await page.screenshot({ path: join(SHOTS, 'tables-grid-after-import.png') });

  // One Ctrl+Z in the grid takes back the whole import.
  await valueCell(page, GDP).click();
  await page.keyboard.press('Control+z');
  await expect(valueCell(page, GDP)).toHaveText('333.52');
  await expect(valueCell(page, NEW_ONE)).toHaveText('');
  // …and redo brings both back, so it was one step.
  await page.getByTestId('redo').click();
  await expect(valueCell(page, GDP)).toHaveText('351.07');
  await expect(valueCell(page, NEW_ONE)).toHaveText('52');
  await page.getByTestId('undo').click();
  await expect(valueCell(page, GDP)).toHaveText('333.52');
});

test('导入数据: a plain CSV goes to the park, period and kind chosen in the dialog', async ({ page, app }) => {
  await openChuxiong2022(page, app.url);
  const csv = test.info().outputPath('园区报表.csv');
  writeFileSync(csv, '指标名称,计量单位,本期值\r\n园区总收入,亿元,512.3\r\n');
  await page.getByTestId('import-data').click();
  const dialog = page.getByTestId('import-dialog');
  // Preselected from the view; the figures of this file belong to 2021.
  await expect(dialog.getByTestId('import-period').locator('option:checked')).toHaveText('2022年');
  await dialog.getByTestId('import-period').selectOption({ label: '2021年' });
  await dialog.getByTestId('import-file').setInputFiles(csv);
  await expect(dialog.getByTestId('import-chosen')).toContainText('园区报表.csv');
  await dialog.getByRole('button', { name: '预览', exact: true }).click();
  await expect(dialog.getByTestId('import-preview')).toContainText('写入 楚雄高新区 2021年 实际');
  await expect(dialog.getByTestId('import-new').locator('tr[data-indicator="园区总收入"]')).toContainText('512.3亿元');
  await dialog.getByTestId('import-apply').click();
  await dialog.getByTestId('import-close').click();
  await expect(valueCell(page, '园区总收入')).toHaveText(''); // the view still shows 2022
  await page.getByTestId('period-picker').selectOption({ label: '2021年' });
  await expect(valueCell(page, '园区总收入')).toHaveText('512.3');
});

test('导入数据: text in a number cell is named by its place and nothing can be applied; an oversized file is refused before sending', async ({ page, app }) => {
  await openChuxiong2022(page, app.url);
  const { file, wb } = await exportFill(page);
  const gdp = findRow(wb, GDP);
  const cell = numberCell(gdp.row, 333.52)!;
  cell.value = '三百亿';
  const broken = file.replace(/\.xlsx$/, '-有误.xlsx');
  await wb.xlsx.writeFile(broken);

  const dialog = await openImport(page, broken);
  const errors = dialog.getByTestId('import-errors');
  await expect(errors).toContainText(`工作表「${gdp.sheet.name}」第${cell.row}行${cell.address.replace(/\d+$/, '')}列`);
  await expect(errors).toContainText('三百亿');
  await expect(dialog.getByTestId('import-apply')).toBeDisabled();
  await expect(dialog.getByTestId('import-cannot')).toContainText('错误');
  await page.screenshot({ path: join(SHOTS, 'tables-import-error.png') });
  await dialog.getByTestId('import-cancel').click();
  await expect(valueCell(page, GDP)).toHaveText('333.52');

  await page.getByTestId('import-data').click();
  const again = page.getByTestId('import-dialog');
  await again.getByTestId('import-file').setInputFiles({ name: '全省汇总.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.alloc(20 * 1024 * 1024 + 1) });
  await expect(again.getByTestId('dialog-error')).toContainText('「全省汇总.xlsx」有 20.1 MB，超过 20 MB 的上限');
  await expect(again.getByRole('button', { name: '预览', exact: true })).toBeDisabled();
});
