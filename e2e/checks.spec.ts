import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { gridCell as cell, gridRow as row, openGrid } from './grid-page.ts';

const open = (page: Page, url: string, period = '2022年') => openGrid(page, url, '楚雄高新区', period);

const TOTAL = '高新技术企业数';
const NEW = '新增高新技术企业数';
const BREACH = '新增高新技术企业数（25户）多于高新技术企业数（20户），请核对';

async function enter(page: Page, indicator: string, text: string) {
  await cell(page, indicator, 'value').click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect(cell(page, indicator, 'value')).toHaveText(text);
}

test('a value that breaches a check rule is saved and marked on the rows it involves, with the reason; fixing it clears the mark', async ({ page, app }) => {
  await open(page, app.url);
  // The demo figures of the article breach no rule.
  await expect(page.getByTestId('checks')).toHaveCount(0);
  await expect(page.getByTestId('check-mark')).toHaveCount(0);

  await enter(page, TOTAL, '20');
  await expect(page.getByTestId('check-mark')).toHaveCount(0);
  await enter(page, NEW, '25');

  // Right after the entry: saved, and both rows carry the explained mark.
  await expect(page.getByTestId('save-status')).toContainText('已保存');
  for (const name of [NEW, TOTAL]) {
    const mark = row(page, name).getByTestId('check-mark');
    await expect(mark).toBeVisible();
    await expect(mark).toHaveAttribute('title', new RegExp(`^${BREACH}\\n（新增高新技术企业计入高新技术企业总数。）$`));
    await expect(row(page, name)).toHaveAttribute('data-check', 'true');
  }
  await expect(page.getByTestId('checks-toggle')).toContainText('审核提示 1 条');

  // The list opens; choosing the warning moves the cursor to its row.
  await cell(page, 'PCT国际专利申请量', 'value').click();
  await page.getByTestId('checks-toggle').click();
  const item = page.getByTestId('check-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(BREACH);
  mkdirSync(join(import.meta.dirname, 'artifacts'), { recursive: true });
  await row(page, NEW).getByTestId('check-mark').hover();
  await page.screenshot({ path: join(import.meta.dirname, 'artifacts', 'checks.png') });
  await item.click();
  await expect(cell(page, NEW, 'value')).toHaveAttribute('aria-selected', 'true');
  // The keyboard is back in the grid at that row: typing edits it.
  await page.keyboard.type('15');
  await page.keyboard.press('Enter');
  await expect(cell(page, NEW, 'value')).toHaveText('15');

  await expect(page.getByTestId('check-mark')).toHaveCount(0);
  await expect(page.getByTestId('checks')).toHaveCount(0);
  await expect(row(page, NEW)).not.toHaveAttribute('data-check', 'true');

  // Undo brings the breach back, as the figures it explains come back.
  await page.keyboard.press('Control+z');
  await expect(cell(page, NEW, 'value')).toHaveText('25');
  await expect(row(page, NEW).getByTestId('check-mark')).toBeVisible();
});

test('a stated 同比 that last year’s figure contradicts is marked with both rates, in either language', async ({ page, app }) => {
  await open(page, app.url, '2021年');
  await enter(page, '新材料产业产值', '150');
  await page.getByTestId('period-picker').selectOption({ label: '2022年' });
  await expect(cell(page, '新材料产业产值', 'previous')).toHaveText('150');
  const mark = row(page, '新材料产业产值').getByTestId('check-mark');
  await expect(mark).toHaveAttribute('title', /^新材料产业产值填报同比增长42\.5%，按本期248\.11亿元、上年同期150亿元计算为增长65\.41%，相差22\.91个百分点，请核对/);

  await page.getByTestId('lang-switch').click();
  await expect(mark).toHaveAttribute('title', /^New materials output: the reported change is up 42\.5%, but 248\.11 100M yuan against 150 100M yuan a year earlier gives up 65\.41%/);
  await expect(page.getByTestId('checks-toggle')).toContainText('Check warnings: 1');
});
