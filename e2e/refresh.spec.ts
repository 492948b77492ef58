// The app and the CLI on one store: a figure changed with `parkbrief set` while the page is open
// shows once the window regains focus (or becomes visible again), and a cell being edited at that
// moment keeps what the user typed.
import type { Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './fixtures.ts';
import { gridCell as cell, openChuxiong2022 } from './grid-page.ts';

const ROOT = resolve(import.meta.dirname, '..');
const GDP = '地区生产总值';
const NEW_MATERIALS = '新材料产业产值';

/** `parkbrief set` as its own process on the app's store, as a colleague's script would run it. */
async function cliSet(dbPath: string, indicator: string, value: string) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [join(ROOT, 'src-main/cli.ts'), 'set', '--db', dbPath, '--park', '楚雄高新区', '--period', '2022', '--indicator', indicator, '--value', value],
    { cwd: ROOT, env: { ...process.env, PARKBRIEF_LANG: '' } },
  );
  expect(stdout).toContain(`已保存：楚雄高新区 · 2022年 · ${indicator}`);
}

const regainFocus = (page: Page) => page.evaluate(() => window.dispatchEvent(new Event('focus')));

test('a figure set with the CLI shows when the window regains focus or becomes visible', async ({ page, app }) => {
  await openChuxiong2022(page, app.url);
  await cliSet(app.dbPath, GDP, '345.6');
  await regainFocus(page);
  await expect(cell(page, GDP, 'value')).toHaveText('345.6');

  await cliSet(app.dbPath, GDP, '346.7');
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await expect(cell(page, GDP, 'value')).toHaveText('346.7');
  // The CLI's edits are on the same undo stack: Ctrl+Z in the app takes the last one back.
  await expect(page.getByTestId('undo')).toBeEnabled();
});

test('a cell being edited keeps what was typed when the grid refreshes, then saves it', async ({ page, app }) => {
  await openChuxiong2022(page, app.url);
  await cell(page, NEW_MATERIALS, 'value').click();
  await page.keyboard.type('123.4');
  const editor = page.getByTestId('cell-editor');
  await expect(editor).toHaveValue('123.4');

  await cliSet(app.dbPath, GDP, '350.1');
  await regainFocus(page);
  await expect(cell(page, GDP, 'value')).toHaveText('350.1');
  await expect(editor).toHaveValue('123.4');
  await expect(editor).toBeFocused();

  await page.keyboard.type('5'); // still typing into the same editor
  await page.keyboard.press('Enter');
  await expect(cell(page, NEW_MATERIALS, 'value')).toHaveText('123.45');
  await expect(cell(page, GDP, 'value')).toHaveText('350.1');

  await page.reload();
  await page.getByTestId('park-picker').selectOption({ label: '楚雄高新区' });
  await page.getByTestId('period-picker').selectOption({ label: '2022年' });
  await expect(cell(page, NEW_MATERIALS, 'value')).toHaveText('123.45');
  await expect(cell(page, GDP, 'value')).toHaveText('350.1');
});

test('the same cell changed elsewhere while being edited: the typed text stays; Esc shows the new figure', async ({ page, app }) => {
  await openChuxiong2022(page, app.url);
  await cell(page, GDP, 'value').click();
  await page.keyboard.press('F2');
  const editor = page.getByTestId('cell-editor');
  await expect(editor).toHaveValue('333.52');
  await page.keyboard.type('9');

  await cliSet(app.dbPath, GDP, '360');
  await cliSet(app.dbPath, NEW_MATERIALS, '130'); // shows when the refresh has landed
  await regainFocus(page);
  await expect(cell(page, NEW_MATERIALS, 'value')).toHaveText('130');
  await expect(editor).toHaveValue('333.529');
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(cell(page, GDP, 'value')).toHaveText('360');
});
