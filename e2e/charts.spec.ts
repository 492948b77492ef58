import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { gridRow as row, openChuxiong2022 as openGrid2022 } from './grid-page.ts';

async function openChuxiong2022(page: Page, url: string) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openGrid2022(page, url);
}

const ARTIFACTS = join(import.meta.dirname, 'artifacts');

/** A call on the store behind the page, as the app makes it (browser mode: POST /rpc with the launch token). */
async function rpc<T>(url: string, method: string, input: unknown): Promise<T> {
  const u = new URL(url);
  const res = await fetch(`${u.origin}/rpc/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-parkbrief-token': u.searchParams.get('token') ?? '' },
    body: JSON.stringify(input),
  });
  const env = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!env.ok) throw new Error(`${method}: ${env.error?.message}`);
  return env.value;
}

/**
 * Earlier years for 楚雄高新区 (2021 in 万元, 2020 without 地区生产总值: a gap), a 2022 target, 昆明高新区's
 * 2022 figure to rank against, and a third park that reported in 亿美元 (left out of the ranking).
 */
async function seed(url: string): Promise<void> {
  const parks = await rpc<{ id: string; name: string }[]>(url, 'parks.list', {});
  const catalog = await rpc<{ indicators: { id: string; name: string }[] }>(url, 'catalog.get', {});
  const ind = (name: string) => catalog.indicators.find((i) => i.name === name)!.id;
  const period = async (key: string) => (await rpc<{ id: string }[]>(url, 'periods.list', {})).find((p) => (p as { key?: string }).key === key)?.id ?? (await rpc<{ id: string }>(url, 'periods.create', { key })).id;
  const edit = async (parkId: string, key: string, kind: string, name: string, fields: Record<string, string>) =>
    rpc(url, 'values.edit', { parkId, periodId: await period(key), kind, edits: Object.entries(fields).map(([field, text]) => ({ indicatorId: ind(name), field, text })) });
  const chuxiong = parks.find((p) => p.name === '楚雄高新区')!.id;
  const kunming = parks.find((p) => p.name === '昆明高新区')!.id;
  await edit(chuxiong, '2019', 'actual', '地区生产总值', { value: '251.6' });
  await edit(chuxiong, '2019', 'actual', '园区总收入', { value: '610' });
  await edit(chuxiong, '2020', 'actual', '园区总收入', { value: '655' });
  await edit(chuxiong, '2021', 'actual', '地区生产总值', { value: '2985000', unit: '万元' });
  await edit(chuxiong, '2021', 'actual', '园区总收入', { value: '700', qualifier: '近' });
  await edit(chuxiong, '2022', 'actual', '园区总收入', { value: '782.4' });
  await edit(chuxiong, '2022', 'target', '地区生产总值', { value: '350' });
  await edit(kunming, '2022', 'actual', '地区生产总值', { value: '1012.3' });
  await edit(kunming, '2022', 'actual', '园区总收入', { value: '2350' });
  const third = await rpc<{ id: string }>(url, 'parks.create', { name: '滇南示范高新区' });
  await edit(third.id, '2022', 'actual', '地区生产总值', { value: '28.6', unit: '亿美元' });
}

test('the grid charts the indicator under the cursor over its years, and compares a block of rows', async ({ page, app }) => {
  await seed(app.url);
  await openChuxiong2022(page, app.url);
  await row(page, '地区生产总值').locator('[data-col=value]').click();
  const panel = page.getByTestId('chart-panel');
  const chart = panel.getByTestId('chart');
  await expect(chart).toHaveAttribute('data-ready', 'true');
  // 2021 was reported in 万元 and is drawn in 亿元; 2020 has no figure and draws no bar.
  for (const text of ['楚雄高新区地区生产总值', '2019年', '2020年', '2021年', '2022年', '251.6', '298.5', '333.52', '目标350', '11.7']) {
    await expect(chart.locator('svg text', { hasText: new RegExp(`^${text}$`) })).toHaveCount(1);
  }
  // The two axes' origins; a zero drawn for 2020 would be a third.
  await expect(chart.locator('svg text', { hasText: /^0$/ })).toHaveCount(2);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'chart-panel-zh.png') });

  await page.keyboard.press('Shift+ArrowDown');
  await expect(panel).toContainText('2项指标对比');
  await expect(chart).toHaveAttribute('data-ready', 'true');
  await expect(chart.locator('svg text', { hasText: /^近700$/ })).toHaveCount(1);
  await expect(chart.locator('svg text', { hasText: '斜线为约数' })).toHaveCount(1);
  await page.screenshot({ path: join(ARTIFACTS, 'chart-compare-zh.png') });

  await page.getByTestId('chart-panel-close').click();
  await expect(panel).toBeHidden();
  await page.getByTestId('chart-panel-open').click();
  await expect(panel.getByTestId('chart')).toHaveAttribute('data-ready', 'true');
});

test('概览 ranks every park for the period, leaves out another currency, and opens a park from its name', async ({ page, app }) => {
  await seed(app.url);
  await openChuxiong2022(page, app.url);
  await page.getByTestId('view-overview').click();
  const card = page.locator('[data-testid=overview-card][data-indicator="地区生产总值"]');
  await expect(card.locator('tbody tr')).toHaveText([/^1昆明高新区1012\.3亿元—$/, /^2楚雄高新区333\.52亿元11\.7%$/, /^—滇南示范高新区28\.6亿美元\*—$/]);
  await expect(card.getByTestId('chart')).toHaveAttribute('data-ready', 'true');
  await expect(card.locator('svg text', { hasText: '滇南示范高新区以“亿美元”填报' })).toHaveCount(1);
  await page.screenshot({ path: join(ARTIFACTS, 'overview-zh.png') });
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('overview')).toContainText('All parks, 2022');
  await expect(card.getByTestId('chart')).toHaveAttribute('data-ready', 'true');
  await page.screenshot({ path: join(ARTIFACTS, 'overview-en.png') });
  await page.getByTestId('lang-switch').click();

  await card.getByTestId('overview-park').filter({ hasText: '昆明高新区' }).click();
  await expect(page.getByTestId('indicator-grid')).toBeVisible();
  await expect(page.getByTestId('park-picker').locator('option:checked')).toHaveText('昆明高新区');
  await expect(row(page, '地区生产总值').locator('[data-col=value]')).toHaveText('1012.3');
});

test('a document chart block shows in the preview, scaled into the column like the Word page', async ({ page, app }) => {
  await openChuxiong2022(page, app.url);
  await page.getByTestId('view-document').click();
  const chart = page.getByTestId('doc-preview').locator('.pv-chart');
  await expect(chart.getByTestId('chart')).toHaveAttribute('data-ready', 'true');
  await expect(chart.locator('svg text', { hasText: /^2022年楚雄高新区主导产业产值$/ })).toHaveCount(1);
  await expect(chart.locator('svg text', { hasText: /^248\.11$/ })).toHaveCount(1);
  await expect(chart.locator('figcaption')).toHaveText('资料来源：楚雄高新区管委会。');
  // The drawing fits the magazine's column (320 px), however wide it was described.
  const box = (await chart.boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(322);
  await chart.scrollIntoViewIfNeeded();
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'document-chart-zh.png') });
  await page.getByTestId('preview-bulletin').click();
  await expect(page.getByTestId('doc-preview').locator('.pv-chart').getByTestId('chart')).toHaveAttribute('data-ready', 'true');
  await page.getByTestId('doc-preview').locator('.pv-chart').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'document-chart-bulletin-zh.png') });
});

test('插入图表: indicators chosen by search, the chart drawn as it will print, inserted after the paragraph last edited', async ({ page, app }) => {
  await seed(app.url);
  await openChuxiong2022(page, app.url);
  await page.getByTestId('view-document').click();
  // The caret in the lead's first paragraph: the chart goes after it.
  await page.locator('#doc-lead--0').click();
  await page.getByTestId('insert-chart').click();
  const dialog = page.getByTestId('chart-picker');
  // The search box has the keyboard; pinyin initials find 园区总收入 as in the grid.
  await expect(dialog.getByTestId('chart-search')).toBeFocused();
  await page.keyboard.type('地区生产总值');
  await page.keyboard.press('Enter');
  await dialog.getByTestId('chart-search').fill('yqzsr');
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('chart-chosen').locator('li')).toHaveCount(2);
  await dialog.getByTestId('chart-periods').fill('2019—2022');
  await dialog.getByTestId('chart-title').fill('楚雄高新区主要指标');
  await expect(dialog.getByTestId('chart-text')).toHaveText('{图表：地区生产总值、园区总收入@2019—2022|标题=楚雄高新区主要指标}');
  const drawn = dialog.getByTestId('chart-result-chart');
  await expect(drawn.getByTestId('chart')).toHaveAttribute('data-ready', 'true');
  await expect(drawn.locator('svg text', { hasText: /^楚雄高新区主要指标$/ })).toHaveCount(1);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'chart-picker-trend-zh.png') });

  // A ranking holds one indicator: the first chosen stays, and an unknown period is named before inserting.
  await dialog.getByTestId('chart-shape-rank').click();
  await expect(dialog.getByTestId('chart-chosen').locator('li')).toHaveCount(1);
  await dialog.getByTestId('chart-periods').fill('1999');
  await expect(dialog.getByTestId('chart-result-problem')).toContainText('1999');
  await dialog.getByTestId('chart-periods').fill('');
  await expect(dialog.getByTestId('chart-text')).toHaveText('{图表：地区生产总值|园区=全部|标题=楚雄高新区主要指标}');
  await expect(dialog.getByTestId('chart-result-chart').getByTestId('chart')).toHaveAttribute('data-ready', 'true');
  await page.screenshot({ path: join(ARTIFACTS, 'chart-picker-rank-zh.png') });
  await dialog.getByRole('button', { name: '插入', exact: true }).click();

  await expect(dialog).toBeHidden();
  await expect(page.locator('#doc-lead--1')).toHaveValue('{图表：地区生产总值|园区=全部|标题=楚雄高新区主要指标}');
  const inPreview = page.getByTestId('doc-preview').locator('.pv-chart svg text', { hasText: /^楚雄高新区主要指标$/ });
  await expect(inPreview).toHaveCount(1);
});
