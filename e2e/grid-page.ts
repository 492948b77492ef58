// The figure grid as the specs drive it: open a park and period, find a row or a cell, paste as
// Excel or WPS would. One place, so a change to the grid's markup is followed once.
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

export function gridRow(page: Page, indicator: string) {
  return page.locator(`[role=row][data-indicator="${indicator}"]`);
}

export function gridCell(page: Page, indicator: string, col: string) {
  return gridRow(page, indicator).locator(`[role=gridcell][data-col=${col}]`);
}

export const valueCell = (page: Page, indicator: string) => gridCell(page, indicator, 'value');

/** Loads the app and picks the park and period; returns once the grid names them. */
export async function openGrid(page: Page, url: string, park = '楚雄高新区', period = '2022年') {
  await page.goto(url);
  await expect(page.getByTestId('indicator-grid')).toBeVisible();
  await pickParkPeriod(page, park, period);
  await expect(page.getByTestId('indicator-grid')).toHaveAttribute('aria-label', new RegExp(`${park} ${period}`));
}

/** The top bar's two pickers, in whichever view is open. */
export async function pickParkPeriod(page: Page, park: string, period: string) {
  await page.getByTestId('park-picker').selectOption({ label: park });
  await page.getByTestId('period-picker').selectOption({ label: period });
}

/** 楚雄高新区 2022年 of the demo store, once its figures are in (地区生产总值 333.52). */
export async function openChuxiong2022(page: Page, url: string) {
  await openGrid(page, url);
  await expect(valueCell(page, '地区生产总值')).toHaveText('333.52');
}

/** What Excel or WPS puts on the clipboard, delivered as a real paste event to the focused element. */
export async function pasteText(page: Page, text: string) {
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}
