import type { BrowserContext, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

// Two windows editing one document: the last save no longer wins silently. The window whose save
// comes from an older version is told, and chooses 重新载入 (the other version) or 保留两份.

const ARTIFACTS = join(import.meta.dirname, 'artifacts');

async function openDocument(page: Page, url: string) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(url);
  await page.getByTestId('park-picker').selectOption({ label: '楚雄高新区' });
  await page.getByTestId('period-picker').selectOption({ label: '2022年' });
  await page.getByTestId('view-document').click();
  await expect(page.getByTestId('doc-view')).toBeVisible();
}

const title = (page: Page) => page.getByRole('textbox', { name: '标题', exact: true });

/** Both windows open on 楚雄高新区 2022; the other one has saved a title over the version this one holds. */
async function otherWindowSaved(page: Page, context: BrowserContext, url: string): Promise<Page> {
  test.skip(!!test.info().project.metadata?.electron, 'two browser pages on one host');
  const other = await context.newPage();
  await openDocument(page, url);
  await openDocument(other, url);
  await title(other).fill('另一个窗口的标题');
  await expect(other.getByTestId('doc-save-state')).toHaveText('已保存');
  return other;
}

test('a save from a version another window saved over is refused; reload or keep both', async ({ page, app, context }) => {
  const other = await otherWindowSaved(page, context, app.url);

  await title(page).fill('这个窗口的标题');
  const state = page.getByTestId('doc-save-state');
  await expect(state).toHaveAttribute('data-state', 'stale');
  await expect(state).toContainText('已在别处保存');
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'document-stale-zh.png') });

  // 保留两份: this window's text is saved; the other stays in the change log.
  await page.getByTestId('doc-stale-keep').click();
  await expect(state).toHaveText('已保存');

  // The other window is now the stale one; it reloads and sees this window's text.
  await title(other).fill('另一个窗口的标题，改了又改');
  await expect(other.getByTestId('doc-save-state')).toHaveAttribute('data-state', 'stale');
  await other.getByTestId('doc-stale-reload').click();
  await expect(title(other)).toHaveValue('这个窗口的标题');
  await expect(other.getByTestId('doc-save-state')).not.toHaveAttribute('data-state', 'stale');
});

test('a save refused as the document is left is shown afterwards, and can be sent again', async ({ page, app, context }) => {
  await otherWindowSaved(page, context, app.url);

  // Typed and left at once, before the pause that saves: the save sent on leaving is refused.
  await title(page).fill('离开前的标题');
  await page.getByTestId('view-grid').click();
  const banner = page.getByTestId('doc-leave-failed');
  await expect(banner).toContainText('离开文稿「楚雄高新区 2022年」时，最后的修改未能保存');
  await expect(banner).toContainText('已在别处保存');
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'document-leave-failed-zh.png') });

  await page.getByTestId('doc-leave-retry').click();
  await expect(banner).toBeHidden();
  await page.getByTestId('view-document').click();
  await expect(title(page)).toHaveValue('离开前的标题');
});
