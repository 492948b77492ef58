import type { Page } from '@playwright/test';
import JSZip from 'jszip';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { copyKunmingTo2022, openPreview } from './document-page.ts';
import { expect, test } from './fixtures.ts';

const SHOTS = join(import.meta.dirname, '..', 'test-results');

/** 文稿 for 楚雄高新区 2022: the demo store holds its article; a store without it starts from the demo. */
async function openChuxiongDocument(page: Page, url: string) {
  await page.goto(url);
  await page.getByTestId('view-document').click();
  await page.getByTestId('park-picker').selectOption({ label: '楚雄高新区' });
  await page.getByTestId('period-picker').selectOption({ label: '2022年' });
  // The demo store holds the first seed article as this park-period's document.
  const view = page.getByTestId('doc-view');
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
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: 1500 }); // a whole page in view
  const pages = page.getByTestId('doc-preview').locator('.pv-page');
  const n = await pages.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) await pages.nth(i).screenshot({ path: join(SHOTS, `preview-${template}-${i + 1}.png`) });
  await page.setViewportSize(size);
}

/** Exports, checks the download is a .docx of some size, and returns the text of its body. */
async function exportAndCheck(page: Page, start: () => Promise<unknown>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), start()]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(statSync(file).size).toBeGreaterThan(5 * 1024);
  await expect(page.getByTestId('export-result')).toContainText(download.suggestedFilename());
  await page.getByTestId('export-dialog').screenshot({ path: join(SHOTS, 'docx-export-done.png') });
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, '');
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
  await page.screenshot({ path: join(SHOTS, 'document-figure-picker.png') });
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
  const text = await exportAndCheck(page, () => dialog.getByRole('button', { name: '导出', exact: true }).click());
  expect(text).toContain('测试：全区地区生产总值为333.52亿元。');

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
  await page.screenshot({ path: join(SHOTS, 'document-export-refused.png') });
  expect(await exportAndCheck(page, () => dialog.getByTestId('export-anyway').click())).toContain('不存在的指标');
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
  await page.screenshot({ path: join(SHOTS, 'document-english.png') });

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

test('添加小节 puts the caret into the new heading before its click has ended: keys typed at once are not lost', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByTestId('view-document').click();
  await page.getByTestId('park-picker').selectOption({ label: '楚雄高新区' });
  await page.getByTestId('period-picker').selectOption({ label: '2022年' });
  await expect(page.getByTestId('doc-view')).toBeVisible();
  const sections = await page.locator('[data-testid^="section-"]').count();
  // The click and the look at the focus in one task of the page (after its microtasks, where React
  // renders a click's update): no frame in between, as when a loaded machine (or a fast typist) sends
  // the next key before the page has painted.
  const focused = await page.evaluate(async () => {
    document.querySelector<HTMLButtonElement>('[data-testid="add-section"]')!.click();
    await new Promise<void>((r) => queueMicrotask(r));
    const a = document.activeElement;
    return { section: a?.closest('[data-testid^="section-"]')?.getAttribute('data-testid') ?? null, tag: a?.tagName ?? null };
  });
  expect(focused).toEqual({ section: `section-${sections}`, tag: 'TEXTAREA' });
  await page.keyboard.type('项目建设');
  await expect(page.getByTestId(`section-${sections}`).getByRole('textbox', { name: '小标题' })).toHaveValue('项目建设');
});

test('a park-period without a document starts blank and is written with sections, a photo and layout fields', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByTestId('view-document').click();
  await page.getByTestId('park-picker').selectOption({ label: '楚雄高新区' });
  await page.getByTestId('period-picker').selectOption({ label: '2017年' });
  await expect(page.getByTestId('doc-empty')).toContainText('楚雄高新区 2017年还没有文稿');

  await page.getByTestId('doc-copy-previous').click();
  await expect(page.getByTestId('doc-empty-error')).toHaveText('楚雄高新区在2017年之前没有可复制的文稿');
  await page.getByTestId('doc-new-blank').click();
  await expect(page.getByTestId('doc-view')).toBeVisible();

  await page.getByTestId('preview-bulletin').click();
  await page.getByTestId('layout-toggle').click();
  await expect(page.getByTestId('layout-name')).toHaveValue('楚雄高新区工作简报');
  await page.getByTestId('layout-copies').fill('30');
  // 编者按: typed in the layout panel, a paragraph per line, set under the masthead with its label in 黑体.
  await page.getByTestId('layout-editorNote').fill('本期刊发2017年园区经济运行情况。\n供各园区参考。');
  const note = page.locator('.pv-b-lines.pv-b-note');
  await expect(note).toHaveCount(2);
  await expect(note.first()).toHaveText('编者按：本期刊发2017年园区经济运行情况。');
  await expect(note.first().locator('.pv-label')).toHaveText('编者按：');
  await expect(note.nth(1)).toHaveText('供各园区参考。');
  await page.screenshot({ path: join(SHOTS, 'document-editor-note.png') });
  // The panel closed and a tall window, so the whole first page shows.
  const viewport = page.viewportSize()!;
  await page.getByTestId('layout-toggle').click();
  await page.setViewportSize({ width: viewport.width, height: 1400 });
  await page.locator('.pv-bulletin-page').first().screenshot({ path: join(SHOTS, 'preview-editor-note.png') });
  await page.setViewportSize(viewport);
  await page.getByTestId('layout-toggle').click();
  await page.getByTestId('preview-magazine').click();
  await expect(page.getByTestId('layout-columnZh')).toHaveValue('园区风采');
  await expect(page.getByTestId('layout-issue')).toHaveValue(/^\d{4}\.\d{2}$/);
  await page.getByTestId('layout-firstPage').fill('12');
  await expect(page.locator('.pv-m-folio-n')).toHaveText('12');

  await page.getByRole('textbox', { name: '标题', exact: true }).fill('2017年园区经济运行情况');
  const lead = page.getByRole('textbox', { name: '导语第1段' });
  await lead.fill('全年园区经济平稳运行。后半句');
  await lead.press('End');
  for (let i = 0; i < 3; i++) await lead.press('ArrowLeft');
  await lead.press('Enter'); // splits the paragraph at the caret
  await expect(lead).toHaveValue('全年园区经济平稳运行。');
  await expect(page.getByRole('textbox', { name: '导语第2段' })).toBeFocused();
  await expect(page.getByRole('textbox', { name: '导语第2段' })).toHaveValue('后半句');

  await page.getByTestId('add-section').click();
  await expect(page.getByTestId('section-0').getByRole('textbox', { name: '小标题' })).toBeFocused();
  await page.keyboard.type('工业经济');
  await page.getByTestId('section-0').getByRole('textbox', { name: '第1节第1段' }).fill('工业生产稳中有进。');
  await page.getByTestId('add-section').click();
  // The new heading takes the keyboard once the section is drawn; keys typed before that went to the
  // button (the flaky （一） without its words on a loaded machine).
  await expect(page.getByTestId('section-1').getByRole('textbox', { name: '小标题' })).toBeFocused();
  await page.keyboard.type('项目建设');
  await page.getByTestId('section-1').getByLabel('层级').selectOption('2');

  const png = await page.screenshot({ clip: { x: 0, y: 0, width: 320, height: 200 } });
  await page.getByTestId('photo-file').setInputFiles({ name: '园区.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByTestId('photo-0').locator('img')).toBeVisible();
  await page.getByTestId('photo-0').getByRole('textbox', { name: '图片说明' }).fill('园区一角。');
  await page.getByTestId('photo-0').getByLabel('供图/摄影').fill('管委会供图');

  const preview = page.getByTestId('doc-preview');
  await expect(preview.locator('.pv-m-title')).toHaveText('2017年园区经济运行情况');
  await expect(preview.locator('.pv-runin').first()).toContainText('工业经济');
  await expect(preview.locator('.pv-photo img')).toBeVisible();
  // Worded as the export prints it: the credit after the caption's full stop, no brackets.
  await expect(preview.locator('.pv-cap')).toHaveText('园区一角。管委会供图');
  await page.getByTestId('preview-bulletin').click();
  await expect(preview.locator('.pv-b-h1')).toHaveText('一、工业经济');
  await expect(preview.locator('.pv-b-h2')).toHaveText('（一）项目建设');
  await expect(preview.locator('.pv-b-copies')).toHaveText('（共印30份）');
  await page.screenshot({ path: join(SHOTS, 'document-blank-bulletin.png') });

  // A removal can be taken back until the next edit.
  await page.getByTestId('section-1').getByRole('button', { name: '删除第2节', exact: true }).click();
  await expect(page.getByTestId('section-1')).toHaveCount(0);
  await page.getByTestId('undo-removal').click();
  await expect(page.getByTestId('section-1').getByRole('textbox', { name: '小标题' })).toHaveValue('项目建设');

  await expect(page.getByTestId('doc-save-state')).toHaveText('已保存');
  await page.reload();
  await expect(page.getByRole('textbox', { name: '标题', exact: true })).toHaveValue('2017年园区经济运行情况');
  await expect(page.getByTestId('section-1').getByRole('textbox', { name: '小标题' })).toHaveValue('项目建设');
  await expect(page.getByTestId('photo-0').getByRole('textbox', { name: '图片说明' })).toHaveValue('园区一角。');
  await expect(page.locator('.pv-b-copies')).toHaveText('（共印30份）');
});

test('settings: rounding mode and fonts are saved for the store', async ({ page, app }) => {
  await openChuxiongDocument(page, app.url);
  await page.getByTestId('open-settings').click();
  const dialog = page.getByTestId('settings-dialog');
  await expect(dialog.getByTestId('rounding-half-up')).toBeChecked();
  await dialog.getByTestId('rounding-half-even').check();
  await dialog.getByTestId('font-fangsong-fallback').fill('华文仿宋');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  await page.getByTestId('open-settings').click();
  await expect(dialog.getByTestId('rounding-half-even')).toBeChecked();
  await expect(dialog.getByTestId('font-fangsong-fallback')).toHaveValue('华文仿宋');
  await dialog.getByTestId('font-fangsong-primary').fill('');
  await expect(dialog.getByRole('button', { name: '保存' })).toBeDisabled();
});

test('a bulletin issue carries another park\'s article of the period after this one, under one masthead', async ({ page, app }) => {
  // Two documents opened and one written with both: more than the default minute on a loaded machine.
  test.setTimeout(120_000);
  await copyKunmingTo2022(page, app.url);

  await page.getByTestId('park-picker').selectOption({ label: '楚雄高新区' });
  await expect(page.getByTestId('doc-view')).toBeVisible();
  await page.getByTestId('export-docx').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByTestId('export-template-magazine').check();
  await expect(dialog.getByTestId('issue-articles')).toHaveCount(0);
  await dialog.getByTestId('export-template-bulletin').check();
  await dialog.getByTestId('issue-article-昆明高新区').check();
  await expect(dialog.getByTestId('issue-articles')).toContainText('2. 昆明高新区');
  await dialog.screenshot({ path: join(SHOTS, 'document-export-issue.png') });
  // 昆明's 2017 article quotes figures 2022 does not have: listed with the park's name, then exported with the gaps marked.
  await dialog.getByRole('button', { name: '导出', exact: true }).click();
  await expect(dialog.getByTestId('export-refused')).toContainText('昆明高新区 导语第');
  const text = await exportAndCheck(page, () => dialog.getByTestId('export-anyway').click());
  // One masthead, both articles in order, one distribution block.
  expect(text.split('楚雄高新区工作简报')).toHaveLength(2);
  expect(text.indexOf('楚雄高新区：聚焦')).toBeLessThan(text.indexOf('昆明高新区管委会'));
  expect(text.split('共印')).toHaveLength(2);
});

test('本期还收录 says so when the other parks\' documents cannot be listed, rather than offering none', async ({ page, app }) => {
  await copyKunmingTo2022(page, app.url);
  await page.getByTestId('park-picker').selectOption({ label: '楚雄高新区' });
  await expect(page.getByTestId('doc-view')).toBeVisible();
  // The host's answer lost on the way, as on a dropped connection.
  await page.route('**/rpc/documents.ofPeriod', (route) => route.abort('connectionreset'));
  await page.getByTestId('export-docx').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByTestId('export-template-bulletin').check();
  await expect(dialog.getByTestId('issue-articles-failed')).toContainText('无法列出本期其他园区的文稿');
  await expect(dialog.getByTestId('issue-articles')).toHaveCount(0);
});

test('注明数据来源 is one choice for the preview and the export dialog: changed in either, both follow', async ({ page, app }) => {
  await openPreview(page, app.url, '楚雄高新区', '2022年', 'bulletin');
  const list = page.locator('.doc-preview .pv-b-left');
  await expect(list).toHaveCount(0);
  await page.getByTestId('export-docx').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog.getByTestId('export-sources')).not.toBeChecked();
  await dialog.getByTestId('export-sources').check();
  // The preview behind the dialog already shows the list the export will print.
  await expect(page.getByTestId('preview-sources')).toBeChecked();
  await expect(list.first()).toBeVisible();
  await dialog.getByTestId('export-dialog-dismiss').click();
  await page.getByTestId('preview-sources').uncheck();
  await expect(list).toHaveCount(0);
  await page.getByTestId('export-docx').click();
  await expect(dialog.getByTestId('export-sources')).not.toBeChecked();
});
