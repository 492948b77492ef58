import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

const SHOTS = join(import.meta.dirname, '..', 'test-results');
/** A development article about a park the demo store does not know (../shared beside the repository). */
const ARTICLE = readFileSync(join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'articles', '01_yuxi_gaoxinqu.txt'), 'utf8');

/** 文稿 of a park-period without a document, then 从文章导入 with the article pasted and read. */
async function readArticle(page: Page, url: string) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(url);
  await page.getByTestId('view-document').click();
  await page.getByTestId('park-picker').selectOption({ label: '楚雄高新区' });
  // Periods newest first: 2022, then 2021, which has no document.
  await page.getByTestId('period-picker').selectOption({ index: 1 });
  await page.getByTestId('doc-from-article').click();
  const dialog = page.getByTestId('article-dialog');
  await dialog.getByTestId('article-paste').fill(ARTICLE);
  await dialog.locator('button[type=submit]').click();
  await expect(dialog.getByTestId('article-rows')).toBeVisible();
  return dialog;
}

test('an article read, reviewed from the keyboard, applied as one undo step, undone', async ({ page, app }) => {
  const dialog = await readArticle(page, app.url);
  // The park and period are proposed from the text: a park the store lacks, the year the article reports.
  await expect(dialog.getByTestId('article-park')).toHaveValue('new');
  await expect(dialog.getByTestId('article-new-park')).toHaveValue('玉溪高新区');
  await expect(dialog.getByTestId('article-period')).toHaveValue('2023');
  const rows = dialog.locator('[data-testid^=article-row-]');
  await expect(rows).toHaveCount(9);
  await expect(dialog.getByTestId('article-row-2')).toContainText('规上工业增加值');
  await expect(dialog.getByTestId('article-row-2')).toContainText('562.01亿元');
  await expect(dialog.getByTestId('article-mark-2')).toHaveText('562.01亿元，同比增5.6%');

  // Mark and row are linked: a click on a mark in the article selects its row.
  await dialog.getByTestId('article-mark-5').click();
  await expect(dialog.getByTestId('article-row-5')).toHaveAttribute('aria-selected', 'true');

  // Keyboard: Enter accepts and moves on, Delete drops, E corrects.
  await dialog.getByTestId('article-row-0').click();
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('article-row-0')).toHaveAttribute('data-decision', 'accepted');
  await expect(dialog.getByTestId('article-row-1')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Delete');
  await expect(dialog.getByTestId('article-row-1')).toHaveAttribute('data-decision', 'dropped');
  await expect(dialog.getByTestId('article-mark-1')).toHaveClass(/dropped/);
  await page.keyboard.press('e');
  const editor = dialog.getByTestId('article-editor');
  await expect(editor).toBeVisible();
  await editor.getByTestId('edit-indicator').fill('规模以上工业增加值');
  await page.keyboard.press('Enter');
  await expect(editor).toBeHidden();
  await expect(dialog.getByTestId('article-row-2')).toHaveAttribute('data-decision', 'accepted');
  await expect(dialog.getByTestId('article-row-2')).toContainText('规模以上工业增加值');
  // The corrected name is the catalogue's alias of 规上工业增加值: no new indicator.
  await expect(dialog.getByTestId('article-row-2')).not.toContainText('新指标');

  await dialog.getByTestId('article-accept-confident').click();
  await expect(dialog.getByTestId('article-summary')).toHaveText('接受 8 · 舍弃 1 · 待定 0');
  await dialog.getByTestId('article-row-3').click();
  await page.screenshot({ path: join(SHOTS, 'article-review-zh.png') });

  await dialog.getByTestId('article-apply').click();
  await expect(dialog.getByTestId('article-applied')).toContainText('数值新增 8 项');
  await expect(dialog.getByTestId('article-applied')).toContainText('0 处按原文保留');
  await page.screenshot({ path: join(SHOTS, 'article-applied-zh.png') });
  // The park and period of the article are in view, with its document.
  await expect(page.getByTestId('park-picker').locator('option:checked')).toHaveText('玉溪高新区');

  await dialog.getByTestId('article-undo').click();
  await expect(dialog.getByTestId('article-applied')).toHaveText('已撤销。');
  await dialog.getByTestId('article-show').click();
  // The park made for the article went with the same undo step.
  await expect(page.getByTestId('park-picker').locator('option', { hasText: '玉溪高新区' })).toHaveCount(0);
});

test('in English: the review, then 应用 gives the article back as this period’s document', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByTestId('lang-switch').click();
  const dialog = await readArticle(page, app.url);
  await expect(dialog.getByTestId('article-summary')).toHaveText('0 accepted · 0 dropped · 9 open');
  await dialog.getByTestId('article-accept-confident').click();
  await dialog.getByTestId('article-row-4').click();
  await page.screenshot({ path: join(SHOTS, 'article-review-en.png') });
  await dialog.getByTestId('article-apply').click();
  await expect(dialog.getByTestId('article-applied')).toContainText('9 figures new');
  await dialog.getByTestId('article-show').click();
  const preview = page.getByTestId('doc-preview');
  await expect(preview).toContainText('全年预计实现营业收入1220亿元，同比增8.5%');
  await expect(preview).toContainText('招商引资到位市外资金21.36亿元');
  await page.screenshot({ path: join(SHOTS, 'article-document-en.png') });
});
