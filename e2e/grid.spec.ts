import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { gridCell as cell, openChuxiong2022, pasteText as paste } from './grid-page.ts';

const GDP = '地区生产总值';

test('the demo opens on a grid with 楚雄高新区 2022 figures', async ({ page, app }) => {
  await openChuxiong2022(page, app.url);
  await expect(cell(page, GDP, 'unit')).toHaveText('亿元');
  await expect(page.getByRole('columnheader', { name: '指标名称' })).toBeVisible();
  await expect(page.locator('[role=gridcell][aria-selected=true]')).toHaveCount(1);
  mkdirSync(join(import.meta.dirname, 'artifacts'), { recursive: true });
  await page.screenshot({ path: join(import.meta.dirname, 'artifacts', 'grid.png') });
});

test('an edit typed over a cell is saved at once and survives a reload', async ({ page, app }) => {
  await openChuxiong2022(page, app.url);
  await cell(page, GDP, 'value').click();
  await expect(cell(page, GDP, 'value')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.type('340.1');
  await expect(page.getByTestId('cell-editor')).toHaveValue('340.1');
  await page.keyboard.press('Enter');
  await expect(cell(page, GDP, 'value')).toHaveText('340.1');
  await expect(page.getByTestId('save-status')).toContainText('已保存');
  await expect(page.getByTestId('undo')).toBeEnabled();

  await page.reload();
  await page.getByTestId('park-picker').selectOption({ label: '楚雄高新区' });
  await page.getByTestId('period-picker').selectOption({ label: '2022年' });
  await expect(cell(page, GDP, 'value')).toHaveText('340.1');
});

test('text in a number cell is refused with a reason in Chinese and nothing is saved', async ({ page, app }) => {
  await openChuxiong2022(page, app.url);
  await cell(page, GDP, 'value').click();
  await page.keyboard.type('三百亿');
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('cell-editor');
  await expect(editor).toHaveValue('三百亿'); // the typed text stays for correcting
  await expect(cell(page, GDP, 'value')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('cell-error')).toContainText('本期值「三百亿」不是数字');
  await expect(page.getByTestId('undo')).toBeDisabled();

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('cell-editor')).toHaveCount(0);
  await page.reload();
  await page.getByTestId('park-picker').selectOption({ label: '楚雄高新区' });
  await page.getByTestId('period-picker').selectOption({ label: '2022年' });
  await expect(cell(page, GDP, 'value')).toHaveText('333.52');
});

test('a 3×2 block pasted from a spreadsheet is one edit that Ctrl+Z and Ctrl+Y take back and forth', async ({ page, app }) => {
  await openChuxiong2022(page, app.url);
  const names = await page.locator('[role=row][data-indicator]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-indicator')!));
  const start = names.indexOf(GDP);
  const targets = names.slice(start, start + 3);
  expect(targets).toHaveLength(3);
  const before = await Promise.all(
    targets.map(async (n) => [await cell(page, n, 'value').innerText(), await cell(page, n, 'growth').innerText()]),
  );

  // 本期 and 同比增长 side by side, as statistical tables put them; a figure keeps its wording (约350).
  await cell(page, GDP, 'value').click();
  await paste(page, '约350\t8.5\r\n1200.5\t\r\n超900\t-3\r\n');

  const after = [
    ['约350', '8.5'],
    ['1200.5', ''],
    ['超900', '-3'],
  ];
  for (const [i, n] of targets.entries()) {
    await expect(cell(page, n, 'value')).toHaveText(after[i]![0]!);
    if (after[i]![1]) await expect(cell(page, n, 'growth')).toHaveText(after[i]![1]!);
  }
  await expect(cell(page, targets[0]!, 'qualifier')).toHaveText('约');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /粘贴 6 个单元格/);

  await page.keyboard.press('Control+z');
  for (const [i, n] of targets.entries()) {
    await expect(cell(page, n, 'value')).toHaveText(before[i]![0]!);
    await expect(cell(page, n, 'growth')).toHaveText(before[i]![1]!);
  }

  await page.keyboard.press('Control+y');
  for (const [i, n] of targets.entries()) {
    await expect(cell(page, n, 'value')).toHaveText(after[i]![0]!);
    if (after[i]![1]) await expect(cell(page, n, 'growth')).toHaveText(after[i]![1]!);
  }
});

test('a paste with a bad cell saves nothing and lists the refusal', async ({ page, app }) => {
  await openChuxiong2022(page, app.url);
  await cell(page, GDP, 'value').click();
  await paste(page, '400\nabc\n');
  await expect(page.getByTestId('paste-errors')).toContainText('不是数字');
  await expect(cell(page, GDP, 'value')).toHaveText('333.52');
});

test('the language switch shows English headers and is remembered', async ({ page, app }) => {
  await openChuxiong2022(page, app.url);
  await page.getByTestId('lang-switch').click();
  await expect(page.getByRole('columnheader', { name: 'Indicator' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Value', exact: true })).toBeVisible();
  await expect(page.getByTestId('kind-actual')).toHaveText('Actual');
  await page.reload();
  await expect(page.getByRole('columnheader', { name: 'Indicator' })).toBeVisible();
});

test('上年同期 words last year\'s figures as the exports do: 突破2000, 近80, 22余', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByTestId('indicator-grid')).toBeVisible();
  await page.getByTestId('park-picker').selectOption({ label: '昆明高新区' });
  await page.getByTestId('period-picker').selectOption({ label: '2017年' });
  // A qualifier that stands after the number in copy (22余家), typed into last year's figure.
  await cell(page, '营收超十亿元企业数', 'qualifier').click();
  await page.keyboard.type('余');
  await page.keyboard.press('Enter');
  await expect(cell(page, '营收超十亿元企业数', 'qualifier')).toHaveText('余');

  await page.getByTestId('period-picker').selectOption({ label: '2018年' });
  await page.getByTestId('kind-target').click();
  await expect(cell(page, '园区总收入', 'previous')).toHaveText('突破2000');
  await expect(cell(page, '特色产业收入占园区总收入比重', 'previous')).toHaveText('近80');
  await expect(cell(page, '营收超十亿元企业数', 'previous')).toHaveText('22余');
  mkdirSync(join(import.meta.dirname, 'artifacts'), { recursive: true });
  await page.screenshot({ path: join(import.meta.dirname, 'artifacts', 'grid-previous-wording.png') });
});
