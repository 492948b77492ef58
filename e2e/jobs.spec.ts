import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildYearbookStore } from '../bench/yearbook-fixture.ts';
import { openCore } from '../src-main/core/session/open-core.ts';
import { expect, test } from './fixtures.ts';
import { pickParkPeriod, valueCell } from './grid-page.ts';

const chuxiong2022 = (page: Page) => pickParkPeriod(page, '楚雄高新区', '2022年');
import { startServe } from './server-process.ts';

// Long jobs run in the core's worker thread: the dialog shows the stage and count with 取消, and the
// rest of the app — another window editing the grid — is answered meanwhile.

const SHOTS = join(import.meta.dirname, '..', 'test-results');
const GDP = '地区生产总值';

/** A host of its own on the demo store plus 99 parks with a document each, stopped and removed after `body`. */
async function withHundredParks(body: (server: Awaited<ReturnType<typeof startServe>>) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'parkbrief-e2e-jobs-'));
  const dbPath = join(dir, 'store.sqlite');
  const ctx = openCore(dbPath, { origin: 'test', actor: 'tester', demoIfNew: true });
  buildYearbookStore(ctx, 100);
  ctx.db.close();
  const server = await startServe({ dbPath });
  try {
    await body(server);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 导出 Word with 年鉴 ticked, from 楚雄高新区 2022's document; the dialog once its export has started. */
async function startYearbookExport(page: Page, url: string) {
  await page.goto(url);
  await page.getByTestId('view-document').click();
  await chuxiong2022(page);
  await expect(page.getByTestId('doc-preview').locator('.pv-page').first()).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('export-docx').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByTestId('export-template-magazine').check();
  await dialog.getByTestId('export-yearbook').check();
  await dialog.getByRole('button', { name: '导出', exact: true }).click();
  return dialog;
}

test('导出 Word 年鉴 of 100 parks: progress with its stage, a grid edit meanwhile is saved, 取消 leaves nothing', async ({ page }, testInfo) => {
  test.skip(Boolean(testInfo.project.metadata?.electron), 'browser mode: the test starts its own host on a 100-park store');
  test.setTimeout(180_000);
  await withHundredParks(async (server) => {
    const dialog = await startYearbookExport(page, server.url);

    const progress = dialog.getByTestId('job-progress');
    await expect(progress).toBeVisible();
    // Past the worker's start: the documents are being read (n/100, brief) or the book laid out.
    await expect(progress.getByTestId('job-stage')).toHaveText(/读取|生成/, { timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, 'jobs-yearbook-progress.png') });

    // Another window of the same host edits the grid while the export runs.
    const other = await page.context().newPage();
    await other.goto(server.url);
    // The view last chosen is remembered: this window goes back to the grid.
    await other.getByTestId('view-grid').click();
    await expect(other.getByTestId('indicator-grid')).toBeVisible();
    await chuxiong2022(other);
    await expect(valueCell(other, GDP)).toHaveText('333.52');
    await valueCell(other, GDP).click();
    await other.keyboard.type('340.1');
    await other.keyboard.press('Enter');
    await expect(other.getByTestId('save-status')).toContainText('已保存');
    await other.screenshot({ path: join(SHOTS, 'jobs-edit-during-export.png') });
    // The export was still running when the edit was saved.
    await expect(progress).toBeVisible();

    await progress.getByTestId('job-cancel').click();
    await expect(progress).toBeHidden();
    await expect(dialog.getByRole('button', { name: '导出', exact: true })).toBeEnabled();
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await page.screenshot({ path: join(SHOTS, 'jobs-yearbook-cancelled.png') });

    await other.reload();
    await chuxiong2022(other);
    await expect(valueCell(other, GDP)).toHaveText('340.1');
  });
});

test('导出 Word 年鉴 in the background: the dialog closes, the status line follows it, a grid edit meanwhile is saved, and the file arrives', async ({ page }, testInfo) => {
  test.skip(Boolean(testInfo.project.metadata?.electron), 'browser mode: the test starts its own host on a 100-park store');
  test.setTimeout(300_000);
  await withHundredParks(async (server) => {
    const dialog = await startYearbookExport(page, server.url);
    await expect(dialog.getByTestId('job-progress').getByTestId('job-stage')).toHaveText(/读取|生成/, { timeout: 30_000 });
    const downloaded = page.waitForEvent('download', { timeout: 280_000 });

    // 后台继续: the dialog goes, the job does not.
    await expect(dialog.getByTestId('export-dialog-dismiss')).toHaveText('关闭');
    await dialog.getByTestId('job-background').click();
    await expect(dialog).toBeHidden();
    const bg = page.getByTestId('bg-job');
    await expect(bg).toHaveAttribute('data-state', 'running');
    await expect(bg).toContainText(/「年鉴导出」(读取|生成)/);
    await page.screenshot({ path: join(SHOTS, 'jobs-background-running.png') });

    // Back to the grid of the same window: a figure edited and saved while the export runs.
    await page.getByTestId('view-grid').click();
    await expect(page.getByTestId('indicator-grid')).toBeVisible();
    await expect(valueCell(page, GDP)).toHaveText('333.52');
    await valueCell(page, GDP).click();
    await page.keyboard.type('340.1');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('save-status')).toContainText('已保存');
    await expect(valueCell(page, GDP)).toHaveText('340.1');
    await expect(bg).toHaveAttribute('data-state', 'running');
    await page.screenshot({ path: join(SHOTS, 'jobs-background-edit.png') });

    // The export ends by itself: the download link is followed, and the status line says so.
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(file);
    expect(statSync(file).size).toBeGreaterThan(10_000);
    await expect(bg).toHaveAttribute('data-state', 'downloaded');
    await expect(bg.getByTestId('bg-job-notice')).toHaveText(`「年鉴导出」已完成，已下载「${download.suggestedFilename()}」，请在浏览器的下载列表中查看`);
    await page.screenshot({ path: join(SHOTS, 'jobs-background-done.png') });
    await bg.getByTestId('bg-job-dismiss').click();
    await expect(page.getByTestId('bg-jobs')).toHaveCount(0);
  });
});

test('导出 Excel closed while it runs goes on in the background and can be cancelled from the status line', async ({ page }, testInfo) => {
  test.skip(Boolean(testInfo.project.metadata?.electron), 'browser mode: the test starts its own host on a 100-park store');
  test.setTimeout(180_000);
  await withHundredParks(async (server) => {
    await page.goto(server.url);
    await page.getByTestId('view-grid').click();
    await expect(page.getByTestId('indicator-grid')).toBeVisible();
    await chuxiong2022(page);
    await page.getByTestId('export-xlsx').click();
    const dialog = page.getByTestId('xlsx-export-dialog');
    await dialog.getByTestId('xlsx-all-parks').check();
    await dialog.getByRole('button', { name: '导出', exact: true }).click();
    await expect(dialog.getByTestId('job-progress')).toBeVisible();
    // While the job runs, the footer's button closes the dialog and keeps the export (so it is not 取消,
    // which would say the export ends); the progress row's 取消 is the one that ends it.
    await expect(dialog.getByTestId('xlsx-export-dialog-dismiss')).toHaveText('关闭');
    await dialog.getByTestId('xlsx-export-dialog-dismiss').click();
    await expect(dialog).toBeHidden();
    const bg = page.getByTestId('bg-job');
    await expect(bg).toBeVisible();
    await expect(bg).toContainText('表格导出');
    await bg.getByTestId('bg-job-cancel').click();
    await expect(page.getByTestId('bg-jobs')).toHaveCount(0);
  });
});

test('导入数据 of a large file: the preview shows its progress, and 取消 returns to the file step with nothing kept', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  await expect(page.getByTestId('indicator-grid')).toBeVisible();
  await chuxiong2022(page);
  const csv = test.info().outputPath('大表.csv');
  writeFileSync(csv, '指标名称,本期值\r\n' + `${GDP},123.4\r\n`.repeat(480_000));
  await page.getByTestId('import-data').click();
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-file').setInputFiles(csv);
  await dialog.getByRole('button', { name: '预览', exact: true }).click();
  const progress = dialog.getByTestId('job-progress');
  await expect(progress).toBeVisible();
  // Cancelled as soon as it shows: a file this size is read and checked in seconds.
  await page.screenshot({ path: join(SHOTS, 'jobs-import-progress.png') });
  await progress.getByTestId('job-cancel').click();
  await expect(progress).toBeHidden();
  await expect(dialog.getByTestId('import-preview')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: '预览', exact: true })).toBeEnabled();
  await page.screenshot({ path: join(SHOTS, 'jobs-import-cancelled.png') });
});
