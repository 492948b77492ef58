import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

// Setting up a new park's workspace: a park, a cumulative period, a custom indicator, then a figure.

async function submit(page: Page, dialog: string) {
  await page.getByTestId(dialog).locator('button[type=submit]').click();
  await expect(page.getByTestId(dialog)).toBeHidden();
}

test('a new park, a 1—4月 period and a custom indicator can be added and filled', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByTestId('indicator-grid')).toBeVisible();

  await page.getByTestId('open-manage').click();
  await page.getByTestId('add-park').click();
  await page.getByTestId('park-name').fill('玉溪高新区');
  await page.getByTestId('park-region').fill('云南省玉溪市');
  await submit(page, 'add-park-dialog');
  await expect(page.getByTestId('park-picker').locator('option:checked')).toHaveText('玉溪高新区');

  await page.getByTestId('open-manage').click();
  await page.getByTestId('add-period').click();
  await page.getByTestId('period-type').selectOption('months');
  await page.getByTestId('period-year').fill('2023');
  await page.getByTestId('period-from').selectOption('1');
  await page.getByTestId('period-to').selectOption('4');
  await expect(page.getByTestId('period-preview')).toContainText('2023年1—4月');
  await submit(page, 'add-period-dialog');
  await expect(page.getByTestId('period-picker').locator('option:checked')).toHaveText('2023年1—4月');

  await page.getByTestId('open-catalog').click();
  await page.getByTestId('new-indicator-category').selectOption({ label: '创新主体' });
  await page.getByTestId('new-indicator-name').fill('瞪羚企业数');
  await page.getByTestId('new-indicator-unit').selectOption('家');
  await page.getByTestId('create-indicator').click();
  await expect(page.getByTestId('catalog-editor')).toContainText('瞪羚企业数');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('catalog-editor')).toBeHidden();

  const value = page.locator('[role=row][data-indicator="瞪羚企业数"] [data-col=value]');
  await value.click();
  await page.keyboard.type('12');
  await page.keyboard.press('Enter');
  await expect(value).toHaveText('12');
  await page.reload();
  await expect(page.getByTestId('park-picker').locator('option:checked')).toHaveText('玉溪高新区');
  await expect(value).toHaveText('12');
});

test('a duplicate park name is refused in the dialog, in Chinese', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByTestId('open-manage').click();
  await page.getByTestId('add-park').click();
  await page.getByTestId('park-name').fill('楚雄高新区');
  await page.getByTestId('add-park-dialog').locator('button[type=submit]').click();
  await expect(page.getByTestId('add-park-dialog')).toContainText('已有同名的园区「楚雄高新区」');
});
