// Entry the way office staff work (issue 12): figures typed as written, fields filled in any order,
// pastes that land where a user who copied them from a statistical table expects, search, and the
// catalogue, parks and periods shaped from the app. Screenshots at 1366×768 in zh-CN and en.
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { gridCell as cell, gridRow as row, openGrid as open, pasteText as paste } from './grid-page.ts';

const ART = join(import.meta.dirname, 'artifacts');
const GDP = '地区生产总值';

test.use({ viewport: { width: 1366, height: 768 } });

async function shot(page: Page, name: string) {
  mkdirSync(ART, { recursive: true });
  await page.screenshot({ path: join(ART, `${name}.png`) });
}

async function english(page: Page) {
  await page.getByTestId('lang-switch').click();
  await expect(page.getByRole('columnheader', { name: 'Indicator' })).toBeVisible();
}

test('150余 and 突破2000 typed into 本期 are stored with their qualifier and shown as written', async ({ page, app }) => {
  await open(page, app.url);
  await cell(page, GDP, 'value').click();
  await page.keyboard.type('150余');
  await page.keyboard.press('Enter');
  await expect(cell(page, GDP, 'value')).toHaveText('150余');
  await expect(cell(page, GDP, 'qualifier')).toHaveText('余');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /编辑「地区生产总值」/);

  await cell(page, '园区总收入', 'value').click();
  await page.keyboard.type('突破2000');
  await page.keyboard.press('Tab');
  await expect(cell(page, '园区总收入', 'value')).toHaveText('突破2000');
  await expect(cell(page, '园区总收入', 'qualifier')).toHaveText('突破');
  await expect(cell(page, '园区总收入', 'growth')).toHaveAttribute('aria-selected', 'true');

  // Retyped as a plain number, the figure is that number: the qualifier was part of the wording.
  await cell(page, GDP, 'value').click();
  await page.keyboard.type('1,512');
  await page.keyboard.press('Enter');
  await expect(cell(page, GDP, 'value')).toHaveText('1512');
  await expect(cell(page, GDP, 'qualifier')).toHaveText('');
  await cell(page, '园区总收入', 'value').click();
  await shot(page, 'entry-typed-as-written-zh');
  await english(page);
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Edit “地区生产总值”/);
  await shot(page, 'entry-typed-as-written-en');
});

test('限定词 filled before 本期 is held and saved with the value; a refused edit does not swallow the next keys', async ({ page, app }) => {
  await open(page, app.url, '昆明高新区', '2017年');
  const name = '规上工业总产值';
  await expect(cell(page, name, 'value')).toHaveText('');
  await cell(page, name, 'qualifier').click();
  await page.keyboard.type('近');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('cell-error')).toHaveCount(0);
  await expect(cell(page, name, 'qualifier')).toHaveText('近');
  await expect(cell(page, name, 'qualifier')).toHaveClass(/draft/);
  await shot(page, 'entry-qualifier-first-zh');

  await cell(page, name, 'value').click();
  await page.keyboard.type('8O0'); // a letter O among the digits
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('cell-error')).toContainText('不是数字');
  // The refused text is selected: what is typed next replaces it instead of being appended.
  await page.keyboard.type('800');
  await expect(page.getByTestId('cell-editor')).toHaveValue('800');
  await page.keyboard.press('Enter');
  await expect(cell(page, name, 'value')).toHaveText('近800');
  await expect(cell(page, name, 'qualifier')).toHaveText('近');
  await expect(cell(page, name, 'qualifier')).not.toHaveClass(/draft/);

  // One step: the value and the qualifier held for it go back together.
  await page.keyboard.press('Control+z');
  await expect(cell(page, name, 'value')).toHaveText('');
  await expect(cell(page, name, 'qualifier')).toHaveText('');
});

test('状态 is shown and toggled; Ctrl+X cuts a block as one step; PageDown pages', async ({ page, app }) => {
  await open(page, app.url);
  await expect(cell(page, GDP, 'status')).toHaveText('草稿');
  await cell(page, GDP, 'status').click();
  await page.keyboard.press('Enter');
  await expect(cell(page, GDP, 'status')).toHaveText('已核实');
  await page.keyboard.press(' ');
  await expect(cell(page, GDP, 'status')).toHaveText('草稿');

  const NM = '新材料产业产值'; // 248.11, 同比增长 42.5 as reported
  await cell(page, NM, 'value').click();
  await page.keyboard.press('Shift+ArrowRight');
  const clip = await page.evaluate(() => {
    const dt = new DataTransfer();
    document.activeElement!.dispatchEvent(new ClipboardEvent('cut', { clipboardData: dt, bubbles: true, cancelable: true }));
    return dt.getData('text/plain');
  });
  expect(clip).toBe('248.11\t42.5');
  await expect(cell(page, NM, 'value')).toHaveText('');
  await expect(cell(page, NM, 'growth')).toHaveText('');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /剪切 2 个单元格/);
  await page.keyboard.press('Control+z');
  await expect(cell(page, NM, 'value')).toHaveText('248.11');
  await expect(cell(page, NM, 'growth')).toHaveText('42.5');

  await page.keyboard.press('PageDown');
  const active = page.locator('td.cell.active');
  const rowName = await active.locator('xpath=..').getAttribute('data-indicator');
  expect(rowName).not.toBe(NM);
  await expect(active).toBeInViewport();
});

test('a 本期 | 增速 block lands in 本期 and 同比增长, with or without its heading row', async ({ page, app }) => {
  await open(page, app.url, '昆明高新区', '2017年');
  const a = '生物医药产业产值';
  const b = '新材料产业产值';
  await cell(page, a, 'value').click();
  await paste(page, '12.3\t35.2\r\n8\t4.1\r\n');
  await expect(cell(page, a, 'value')).toHaveText('12.3');
  await expect(cell(page, a, 'growth')).toHaveText('35.2');
  await expect(cell(page, b, 'value')).toHaveText('8');
  await expect(cell(page, b, 'growth')).toHaveText('4.1');
  await expect(cell(page, a, 'baseline')).toHaveText('');

  // With its heading row, pasted anywhere: the headings say where each column goes.
  await cell(page, a, 'source').click();
  await paste(page, '本期\t增速\r\n20\t5.5\r\n30\t6.6\r\n');
  await expect(cell(page, a, 'value')).toHaveText('20');
  await expect(cell(page, a, 'growth')).toHaveText('5.5');
  await expect(cell(page, b, 'value')).toHaveText('30');
  await expect(cell(page, b, 'growth')).toHaveText('6.6');
  await expect(cell(page, a, 'source')).toHaveText('');

  // A table with a name column places each line by name — an alias too — and leaves 上年同期 out.
  await cell(page, GDP, 'value').click();
  await paste(page, '指标名称\t本期\t上年同期\t同比增长(%)\r\n规模以上工业总产值\t1000\t900\t11.1\r\n');
  await expect(cell(page, '规上工业总产值', 'value')).toHaveText('1000');
  await expect(cell(page, '规上工业总产值', 'growth')).toHaveText('11.1');
  await expect(page.getByTestId('paste-errors')).toContainText('「上年同期」列未粘贴');
  await shot(page, 'entry-paste-by-heading-zh');
});

test('an ambiguous block shows where each column goes and writes nothing until confirmed', async ({ page, app }) => {
  await open(page, app.url, '昆明高新区', '2017年');
  const a = '生物医药产业产值';
  await cell(page, a, 'value').click();
  // Growth rates headed for 本期: the preview asks, nothing is written yet.
  await paste(page, '增长12.3%\t15\r\n');
  const preview = page.getByTestId('paste-preview');
  await expect(preview).toBeVisible();
  await expect(preview).toContainText('第1列（如「增长12.3%」）是增长率，不像本期');
  await expect(page.getByTestId('paste-target-0')).toHaveValue('value');
  await expect(cell(page, a, 'value')).toHaveText('');
  await shot(page, 'entry-paste-ambiguous-zh');
  await page.getByTestId('paste-cancel').click();
  await expect(preview).toHaveCount(0);
  await expect(cell(page, a, 'value')).toHaveText('');
  await expect(page.getByTestId('undo')).toBeDisabled();

  await paste(page, '增长12.3%\t15\r\n');
  await page.getByTestId('paste-target-0').selectOption('growth');
  await page.getByTestId('paste-target-1').selectOption('value');
  await page.getByTestId('paste-confirm').click();
  await expect(cell(page, a, 'value')).toHaveText('15');
  await expect(cell(page, a, 'growth')).toHaveText('12.3');

  await english(page);
  await cell(page, a, 'unit').click();
  await paste(page, '12.3\t35.2\r\n');
  await expect(page.getByTestId('paste-preview')).toContainText('column 1 (e.g. “12.3”) holds figures, not Unit');
  await shot(page, 'entry-paste-ambiguous-en');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('paste-preview')).toHaveCount(0);
});

test('Ctrl+F finds an indicator by pinyin initials in the grid and in the figure picker, whose search box has focus', async ({ page, app }) => {
  await open(page, app.url);
  await cell(page, '规划面积', 'value').click();
  await page.keyboard.press('Control+f');
  const input = page.getByTestId('grid-search-input');
  await expect(input).toBeFocused();
  await page.keyboard.type('dqsczz');
  await expect(page.getByTestId('grid-search-option').first()).toContainText('地区生产总值');
  await shot(page, 'entry-search-pinyin-zh');
  await page.keyboard.press('Enter');
  await expect(cell(page, GDP, 'value')).toHaveAttribute('aria-selected', 'true');
  await expect(cell(page, GDP, 'value')).toBeFocused({ timeout: 1000 }).catch(() => undefined);
  // The keyboard is back in the grid: typing edits the found row.
  await page.keyboard.type('340');
  await page.keyboard.press('Enter');
  await expect(cell(page, GDP, 'value')).toHaveText('340');

  // An alias finds the indicator too.
  await page.keyboard.press('Control+f');
  await page.keyboard.type('一般公共预算收入');
  await expect(page.getByTestId('grid-search-option').first()).toContainText('地方一般公共预算收入');
  await english(page);
  await page.keyboard.press('Control+f');
  await page.keyboard.type('gsgy');
  await expect(page.getByTestId('grid-search-option').first()).toContainText('规上工业');
  await shot(page, 'entry-search-pinyin-en');
  await page.keyboard.press('Escape');

  await page.getByTestId('view-document').click();
  await expect(page.getByTestId('doc-view')).toBeVisible();
  await page.locator('.lead-block textarea').first().click();
  await page.keyboard.press('Control+Shift+F');
  const picker = page.getByTestId('figure-picker');
  await expect(picker.getByTestId('figure-search')).toBeFocused();
  await page.keyboard.type('dqsczz');
  await expect(picker.getByTestId('figure-text')).toHaveText('{地区生产总值}');
});

test('a park is renamed and, with its figures, deleted only after confirming; one undo brings it back', async ({ page, app }) => {
  await open(page, app.url);
  await page.getByTestId('open-manage').click();
  const dialog = page.getByTestId('manage-dialog');
  const kunming = dialog.locator('[data-manage-park="昆明高新区"]');
  await kunming.locator('input').fill('昆明国家高新区');
  await kunming.getByTestId('rename-park').click();
  await expect(page.getByTestId('manage-notice')).toContainText('已改为「昆明国家高新区」');
  await expect(page.getByTestId('park-picker').locator('option', { hasText: '昆明国家高新区' })).toHaveCount(1);

  await dialog.locator('[data-manage-park="昆明国家高新区"]').getByTestId('delete-park').click();
  const confirm = page.getByTestId('manage-confirm');
  await expect(confirm).toContainText('园区「昆明国家高新区」仍有');
  await expect(confirm).toContainText('项数值');
  await shot(page, 'entry-park-delete-confirm-zh');
  await page.getByTestId('manage-confirm-delete').click();
  await expect(page.getByTestId('manage-notice')).toContainText('已删除「昆明国家高新区」');
  await expect(page.getByTestId('park-picker').locator('option', { hasText: '昆明国家高新区' })).toHaveCount(0);
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /删除园区「昆明国家高新区」/);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('park-picker').locator('option', { hasText: '昆明国家高新区' })).toHaveCount(1);
});

test('an indicator is retired (out of the grid, figures kept) and the undo brings it back; aliases are edited in the catalogue', async ({ page, app }) => {
  await open(page, app.url, '昆明高新区', '2017年');
  await expect(row(page, '绿色食品产业产值')).toHaveCount(1);
  await page.getByTestId('open-catalog').click();
  const editor = page.getByTestId('catalog-editor');
  await editor.locator('[data-catalog-indicator="绿色食品产业产值"]').click();
  const form = page.getByTestId('edit-indicator-form');
  await form.getByTestId('edit-indicator-aliases').fill('绿色食品产值、高原特色农业产值');
  await form.getByTestId('save-indicator').click();
  await expect(editor.locator('[data-catalog-indicator="绿色食品产业产值"] td.aliases')).toHaveText('绿色食品产值、高原特色农业产值');
  await shot(page, 'entry-catalogue-edit-zh');
  await form.getByTestId('retire-indicator').click();
  await expect(editor.locator('[data-catalog-indicator="绿色食品产业产值"]')).toHaveClass(/retired/);
  await page.keyboard.press('Escape');
  await expect(row(page, '绿色食品产业产值')).toHaveCount(0);
  await page.getByTestId('show-all-indicators').check();
  await expect(row(page, '绿色食品产业产值')).toHaveCount(1);
  await page.getByTestId('show-all-indicators').uncheck();
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /停用指标「绿色食品产业产值」/);
  await page.getByTestId('undo').click();
  await expect(row(page, '绿色食品产业产值')).toHaveCount(1);
  await english(page);
  await page.getByTestId('open-catalog').click();
  await page.getByTestId('catalog-editor').locator('[data-catalog-indicator="绿色食品产业产值"]').click();
  await shot(page, 'entry-catalogue-edit-en');
});

test('the toolbar stays on one row at 1366 px with a long park name, in both languages', async ({ page, app }) => {
  await open(page, app.url);
  await page.getByTestId('open-manage').click();
  const long = '楚雄国家高新技术产业开发区（楚雄彝族自治州）管理委员会';
  await page.locator('[data-manage-park="楚雄高新区"] input').fill(long);
  await page.locator('[data-manage-park="楚雄高新区"]').getByTestId('rename-park').click();
  await expect(page.getByTestId('manage-notice')).toContainText(long);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('park-picker').locator('option:checked')).toHaveText(long);
  for (const lang of ['zh', 'en']) {
    if (lang === 'en') await english(page);
    const bar = await page.locator('header.topbar').boundingBox();
    expect(bar!.height).toBeLessThan(48);
    // Nothing spills past the right edge or under its neighbour.
    const boxes = await page.locator('header.topbar :is(button, select)').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.left, r.right]));
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]![0]!).toBeGreaterThanOrEqual(boxes[i - 1]![1]! - 1.5) // toggle buttons share a border;
    expect(boxes.at(-1)![1]!).toBeLessThanOrEqual(1366);
    await shot(page, `entry-toolbar-long-name-${lang}`);
  }
});

test('the catalogue goes out to .xlsx, is edited there, and comes back with a preview, as one undo step', async ({ page, app }) => {
  await open(page, app.url);
  await page.getByTestId('open-catalog').click();
  const editor = page.getByTestId('catalog-editor');
  const [download] = await Promise.all([page.waitForEvent('download'), editor.getByTestId('catalog-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^指标库-v\d+\.xlsx$/);
  const file = test.info().outputPath('指标库.xlsx');
  await download.saveAs(file);

  // Edited as an office would in Excel: an alias added, a new indicator typed in a new row.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet('指标')!;
  sheet.eachRow((r) => {
    if (r.getCell(1).value === 'V03') r.getCell(9).value = '新开工项目个数';
  });
  sheet.addRow(['', '数字经济核心产业增加值', '', '产业发展', '亿元', 2]);
  const edited = test.info().outputPath('指标库-修改.xlsx');
  await wb.xlsx.writeFile(edited);

  await editor.getByTestId('catalog-import-file').setInputFiles(edited);
  const preview = editor.getByTestId('catalog-preview');
  await expect(preview).toContainText('2 项改动，0 处错误');
  await expect(preview).toContainText('~ 指标 新开工项目数：别名 — → 新开工项目个数');
  await expect(preview).toContainText('+ 指标 数字经济核心产业增加值');
  await editor.locator('.catalog-list').evaluate((el) => el.scrollTo(0, 0));
  await shot(page, 'entry-catalogue-xlsx-preview-zh');
  await expect(editor.locator('[data-catalog-indicator="数字经济核心产业增加值"]')).toHaveCount(0);
  await editor.getByTestId('catalog-apply').click();
  await expect(editor.locator('[data-catalog-indicator="数字经济核心产业增加值"]')).toHaveCount(1);
  await expect(editor.locator('[data-catalog-indicator="新开工项目数"] td.aliases')).toHaveText('新开工项目个数');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /导入指标库「指标库-修改.xlsx」/);
  await page.getByTestId('undo').click();
  await page.getByTestId('open-catalog').click();
  await expect(page.getByTestId('catalog-editor').locator('[data-catalog-indicator="数字经济核心产业增加值"]')).toHaveCount(0);
});

test('导入数据 may create the indicators a plain table names that the catalogue lacks, listed before anything is written', async ({ page, app }) => {
  await open(page, app.url);
  const csv = test.info().outputPath('园区报表.csv');
  writeFileSync(csv, '指标名称,计量单位,本期\r\n一般公共预算收入,亿元,30.5\r\n数字经济核心产业增加值,亿元,35.2\r\n');
  await page.getByTestId('import-data').click();
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-file').setInputFiles(csv);
  await dialog.getByRole('button', { name: '预览', exact: true }).click();
  // Without it: the unknown name is an error; the alias finds 地方一般公共预算收入.
  await expect(dialog.getByTestId('import-errors')).toContainText('指标库中没有「数字经济核心产业增加值」');
  await page.keyboard.press('Escape');
  await page.getByTestId('import-data').click();
  await dialog.getByTestId('import-file').setInputFiles(csv);
  await dialog.getByTestId('import-create-missing').check();
  await dialog.getByRole('button', { name: '预览', exact: true }).click();
  await expect(dialog.getByTestId('import-creates')).toContainText('指标「数字经济核心产业增加值」（亿元）');
  await shot(page, 'entry-import-create-missing-zh');
  await dialog.getByTestId('import-apply').click();
  await dialog.getByTestId('import-close').click();
  await expect(cell(page, '地方一般公共预算收入', 'value')).toHaveText('30.5');
  await expect(cell(page, '数字经济核心产业增加值', 'value')).toHaveText('35.2');
});
