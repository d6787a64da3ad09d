/** A reader's way through the archive, by clicks, as a phone user would. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch } from './browser.ts';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 390, height: 844 } });
});
afterAll(async () => {
  await browser.close();
});

describe('browsing by clicks', () => {
  it('home → county → story → page view → reporter', async () => {
    await page.goto(`${baseUrl()}/`);
    await expect(page.title()).resolves.toBe('聊城新闻档案');

    await page
      .getByRole('region', { name: '区县' })
      // The county map's link, named with its count.
      .getByRole('link', { name: /^茌平区 \d+ 篇$/u })
      .click();
    await page.waitForURL('**/counties/chiping/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('茌平区');

    await page.getByRole('link', { name: '茌平区获评省科技创新强县' }).click();
    await page.waitForURL('**/articles/**');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('茌平区获评省科技创新强县');
    // Figures are marked in the text and listed in a table.
    await expect(page.locator('.body mark.figure', { hasText: '1113.83亿元' }).count()).resolves.toBe(1);
    await expect(page.getByRole('table').getByText('1113.83').count()).resolves.toBeGreaterThan(0);

    await page.getByRole('link', { name: '003_fe8a0c6fe09a0cab.txt' }).click();
    await page.waitForURL('**/pages/003_fe8a0c6fe09a0cab/#a-*');
    // The page as printed: the series banner above the first story, then every story.
    await expect(page.getByText('涓涓细流汇聚改革磅礴伟力').count()).resolves.toBe(1);
    await expect(page.locator('article.item').count()).resolves.toBe(7);

    await page.getByRole('link', { name: '打造政务服务提质增效新样板' }).click();
    await page.waitForURL('**/articles/**');
    await page.getByRole('link', { name: '王军豪' }).click();
    await page.waitForURL('**/reporters/wang-jun-hao/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('王军豪');
    await expect(page.getByRole('link', { name: '打造政务服务提质增效新样板' }).count()).resolves.toBe(1);
  });

  it('every page has the site navigation and a working skip link', async () => {
    await page.goto(`${baseUrl()}/topics/`);
    const nav = page.getByRole('navigation', { name: '主导航' });
    for (const label of ['首页', '区县', '专题', '日期', '版面', '记者', '数据', '搜索']) {
      await expect(nav.getByRole('link', { name: label }).count()).resolves.toBe(1);
    }
    await expect(nav.getByRole('link', { name: '专题' }).getAttribute('aria-current')).resolves.toBe('page');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('跳到正文');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => location.hash)).resolves.toBe('#main');
  });

  it('the calendar leads to an issue date and its pages', async () => {
    await page.goto(`${baseUrl()}/issues/`);
    await page.getByRole('link', { name: '2024年12月23日' }).click();
    await page.waitForURL('**/issues/2024-12-23/');
    await expect(page.getByRole('link', { name: '中央军委举行晋升上将军衔仪式' }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: /习近平颁发命令状/u }).count()).resolves.toBe(1);
  });

  it('the figures table filters by unit and sorts by value', async () => {
    await page.goto(`${baseUrl()}/figures/2025-07/`);
    const rows = page.locator('[data-figure-table] tbody tr:not([hidden])');
    const all = await rows.count();
    await page.getByLabel('单位').selectOption('万吨');
    const units = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-unit')));
    expect(units.length).toBeGreaterThan(0);
    expect(units.length).toBeLessThan(all);
    expect(new Set(units)).toEqual(new Set(['万吨']));
    await page.getByLabel('排序').selectOption('value-desc');
    const values = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-value'))));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    await expect(page.locator('[data-figure-count]').textContent()).resolves.toMatch(
      new RegExp(`显示 ${units.length} / ${all} 条`, 'u'),
    );
  });

  it('prints a story without the site around it', async () => {
    await page.goto(`${baseUrl()}/articles/000_84d0d68a418f73b1-1wk/`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: '主导航' }).isVisible()).resolves.toBe(false);
    await expect(page.locator('.related').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('unknown addresses get the useful 404 page', async () => {
    const response = await page.goto(`${baseUrl()}/articles/no-such-story/`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('link', { name: '按区县浏览' }).count()).resolves.toBe(1);
  });
});
