import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

// The renderer runs under a CSP without 'unsafe-inline' for styles: every view, a chart drawn by
// ECharts, the document preview and a dialog render with no securitypolicyviolation at all. React's
// style props and ECharts' styles go through the CSSOM, which the CSP does not govern; a style=""
// in HTML markup would be refused, and the test's own such element shows that the listener hears it.

const ARTIFACTS = join(import.meta.dirname, 'artifacts');

interface Violation {
  directive: string;
  sample: string;
  source: string;
}

async function violations(page: Page): Promise<Violation[]> {
  return page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp);
}

test('every view renders under the CSP with no inline style or script refused', async ({ page, app }) => {
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) consoleErrors.push(m.text());
  });
  await page.addInitScript(() => {
    const list: unknown[] = [];
    (window as unknown as { __csp: unknown[] }).__csp = list;
    document.addEventListener('securitypolicyviolation', (e) => list.push({ directive: e.violatedDirective, sample: e.sample, blocked: e.blockedURI, source: `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}` }));
  });
  const response = await page.goto(app.url);
  const csp = (await response?.headerValue('content-security-policy')) ?? '';
  expect(csp).toMatch(/style-src 'self'(;|$)/);
  expect(csp).not.toContain('unsafe-inline');

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByTestId('park-picker').selectOption({ label: '楚雄高新区' });
  await page.getByTestId('period-picker').selectOption({ label: '2022年' });
  const gdp = page.locator('[role=row][data-indicator="地区生产总值"]');
  await expect(gdp.locator('[data-col=value]')).toHaveText('333.52');
  // The stylesheet applies (a page left unstyled would pass the CSP too).
  expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
  await gdp.locator('[data-col=value]').click();
  const chart = page.getByTestId('chart-panel').getByTestId('chart');
  await expect(chart).toHaveAttribute('data-ready', 'true');
  // The tooltip is drawn inside the chart's SVG (richText): hovering adds its text there.
  const texts = await chart.locator('svg text').count();
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => chart.locator('svg text').count()).toBeGreaterThan(texts);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'csp-chart-tooltip-zh.png') });
  await page.keyboard.press('Shift+ArrowDown');
  await expect(chart).toHaveAttribute('data-ready', 'true');

  await page.getByTestId('view-overview').click();
  await expect(page.locator('[data-testid=overview-card]').first().getByTestId('chart')).toHaveAttribute('data-ready', 'true');

  await page.getByTestId('view-document').click();
  await expect(page.getByTestId('doc-preview').locator('.pv-chart').getByTestId('chart')).toHaveAttribute('data-ready', 'true');
  await page.getByTestId('preview-bulletin').click();
  await expect(page.getByTestId('doc-preview').locator('.pv-chart').getByTestId('chart')).toHaveAttribute('data-ready', 'true');

  await page.getByTestId('view-grid').click();
  await page.getByTestId('import-data').click();
  await expect(page.getByTestId('import-pick')).toBeVisible();
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'csp-import-dialog-zh.png') });
  await page.keyboard.press('Escape');
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('view-overview').click();
  await expect(page.locator('[data-testid=overview-card]').first().getByTestId('chart')).toHaveAttribute('data-ready', 'true');
  await page.screenshot({ path: join(ARTIFACTS, 'csp-overview-en.png') });

  expect(await violations(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);

  // The listener hears a refusal: a style attribute in markup is one.
  await page.evaluate(() => {
    const d = document.createElement('div');
    document.body.append(d);
    d.innerHTML = '<span style="color: red">x</span>';
  });
  await expect.poll(async () => JSON.stringify(await violations(page))).toContain('style-src');
});
