import type { Download, Page } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

const SHOTS = join(import.meta.dirname, '..', 'test-results');

/** 文稿 for 楚雄高新区 2022: the demo store holds its article; a store without it starts from the demo. */
async function openChuxiongDocument(page: Page, url: string) {
  await page.goto(url);
  await page.getByTestId('view-document').click();
  await page.getByTestId('park-picker').selectOption({ label: '楚雄高新区' });
  await page.getByTestId('period-picker').selectOption({ label: '2022年' });
  const view = page.getByTestId('doc-view');
  await expect(view.or(page.getByTestId('doc-empty'))).toBeVisible();
  if (await page.getByTestId('doc-empty').isVisible()) await page.getByTestId('doc-demo-magazine').click();
  await expect(view).toBeVisible();
  await expect(page.getByTestId('doc-preview').locator('.pv-page').first()).toBeVisible();
}

/** Puts the caret at the end of a field and types there. */
async function typeAtEnd(page: Page, field: ReturnType<Page['getByRole']>, text: string) {
  await field.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/** Each preview page on its own, for looking at the layout. */
async function shootPages(page: Page, template: string) {
  const pages = page.getByTestId('doc-preview').locator('.pv-page');
  const n = await pages.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) await pages.nth(i).screenshot({ path: join(SHOTS, `preview-${template}-${i + 1}.png`) });
}

async function exportAndCheck(page: Page, start: () => Promise<unknown>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), start()]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(statSync(file).size).toBeGreaterThan(5 * 1024);
  await expect(page.getByTestId('export-result')).toContainText(download.suggestedFilename());
  return download;
}

test('a figure inserted with the picker shows in the preview and the document exports as .docx', async ({ page, app }) => {
  await openChuxiongDocument(page, app.url);
  const lead = page.getByRole('textbox', { name: '导语第1段' });
  await typeAtEnd(page, lead, '测试：全区地区生产总值为');

  await page.keyboard.press('Control+Shift+F');
  const picker = page.getByTestId('figure-picker');
  await expect(picker).toBeVisible();
  await expect(picker).toContainText('插入到：导语第1段');
  await picker.getByTestId('figure-search').fill('地区生产总值');
  await expect(picker.getByTestId('figure-text')).toHaveText('{地区生产总值}');
  await expect(picker.getByTestId('figure-result-text')).toHaveText('333.52亿元');
  await picker.getByTestId('figure-search').press('Enter');
  await expect(picker).toBeHidden();

  await expect(lead).toHaveValue(/测试：全区地区生产总值为\{地区生产总值\}$/);
  await expect(lead).toBeFocused();
  await page.keyboard.type('。');
  await expect(lead).toHaveValue(/\{地区生产总值\}。$/);
  await expect(page.getByTestId('doc-preview')).toContainText('测试：全区地区生产总值为333.52亿元。');
  await expect(page.getByTestId('doc-save-state')).toHaveText('已保存');

  await page.screenshot({ path: join(SHOTS, 'document-magazine.png') });
  await shootPages(page, 'magazine');
  await page.getByTestId('preview-bulletin').click();
  await expect(page.locator('.pv-b-name')).toHaveText('楚雄高新区工作简报');
  await expect(page.getByTestId('doc-preview')).toContainText('测试：全区地区生产总值为333.52亿元。');
  await page.screenshot({ path: join(SHOTS, 'document-bulletin.png') });
  await shootPages(page, 'bulletin');

  await page.getByTestId('export-docx').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByTestId('export-template-magazine').check();
  await exportAndCheck(page, () => dialog.getByRole('button', { name: '导出', exact: true }).click());

  // The edit was saved: it is there after a reload.
  await page.reload();
  await expect(page.getByRole('textbox', { name: '导语第1段' })).toHaveValue(/测试：全区地区生产总值为\{地区生产总值\}。$/);
});

test('an unknown indicator is marked, listed, refuses the export, and exports anyway with the gap marked', async ({ page, app }) => {
  await openChuxiongDocument(page, app.url);
  const lead = page.getByRole('textbox', { name: '导语第1段' });
  await typeAtEnd(page, lead, '另有{不存在的指标}。');

  const marker = page.getByTestId('doc-editor').getByTestId('marker').filter({ hasText: '{不存在的指标}' });
  await expect(marker).toBeVisible();
  await expect(marker).toHaveAttribute('title', /指标库中没有「不存在的指标」/);
  const problem = page.getByTestId('problem-item').filter({ hasText: '不存在的指标' });
  await expect(problem).toHaveText('导语第1段：{不存在的指标} — 指标库中没有「不存在的指标」');
  await expect(page.getByTestId('doc-preview').locator('.pv-mk', { hasText: '{不存在的指标}' })).toBeVisible();

  // The problem leads to its field with the placeholder selected.
  await page.getByRole('textbox', { name: '标题', exact: true }).focus();
  await problem.click();
  await expect(lead).toBeFocused();
  expect(await lead.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe('{不存在的指标}');

  await page.getByTestId('export-docx').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByRole('button', { name: '导出', exact: true }).click();
  await expect(dialog.getByTestId('export-refused')).toContainText('不存在的指标');
  await exportAndCheck(page, () => dialog.getByTestId('export-anyway').click());
});

test('the editor speaks English after the language switch', async ({ page, app }) => {
  await openChuxiongDocument(page, app.url);
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('view-document')).toHaveText('Document');
  await expect(page.getByTestId('view-grid')).toHaveText('Figures');
  await expect(page.getByTestId('insert-figure')).toHaveText('Insert figure');
  await expect(page.getByTestId('export-docx')).toHaveText('Export Word');
  await expect(page.getByLabel('Title', { exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'lead, paragraph 1' })).toBeVisible();
  await expect(page.getByTestId('preview-magazine')).toHaveText('Magazine');

  await page.getByTestId('insert-figure').click();
  const picker = page.getByTestId('figure-picker');
  await expect(picker).toContainText('Inserting into: lead, paragraph 1');
  await expect(picker.getByText('YoY growth (增长X%)')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();

  await page.getByTestId('open-settings').click();
  const settings = page.getByTestId('settings-dialog');
  await expect(settings).toContainText('Round half to even');
  await expect(settings).toContainText('Fonts in Word documents');
});
