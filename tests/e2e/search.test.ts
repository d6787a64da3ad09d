/** Search in the browser: typing, filters, sort, sharing, keyboard, highlighting, no-JS. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, screenshot } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const results = (page: Page) => page.locator('#search-results > li');

async function searchPage(query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${baseUrl()}/search/${query ? `?${query}` : ''}`);
  return page;
}

async function waitForResults(page: Page, query: string) {
  await page.waitForFunction(
    (q) =>
      new URLSearchParams(location.search).get('q') === q &&
      document.querySelector('#search-status')?.textContent?.includes('篇'),
    query,
  );
}

describe('search', () => {
  it('shows results as you type, with the words marked, and fetches the index only then', async () => {
    const page = await searchPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(r.url()));
    await page.waitForTimeout(300);
    expect(fetched.filter((u) => u.includes('/search-index/'))).toEqual([]);
    await page.getByLabel('关键词').pressSequentially('轴承', { delay: 50 });
    await waitForResults(page, '轴承');
    expect(fetched.some((u) => u.includes('/search-index/shards/'))).toBe(true);
    await expect(results(page).first().locator('a.headline').textContent()).resolves.toBe(
      '临清轴承产业『延链建链强链补链』提档升级',
    );
    await expect(results(page).first().locator('mark.hl').first().textContent()).resolves.toBe('轴承');
    await expect(page.locator('#search-status').textContent()).resolves.toMatch(/找到 \d+ 篇稿件/u);
    await screenshot(page, 'search-390');
    await page.close();
  });

  it('filters by county with counts, sorts by date, and keeps it all in the URL', async () => {
    const page = await searchPage('q=企业');
    await waitForResults(page, '企业');
    const option = page.locator('select[name="county"] option[value="guanxian"]');
    const count = Number(/（(\d+)）/u.exec((await option.textContent()) ?? '')?.[1]);
    expect(count).toBeGreaterThan(0);
    await page.getByLabel('区县').selectOption('guanxian');
    await page.waitForFunction(() => location.search.includes('county=guanxian'));
    await page.waitForFunction(
      (n) => document.querySelector('#search-status')?.textContent?.includes(`找到 ${n} 篇`),
      count,
    );
    const meta = await results(page).locator('.meta').allTextContents();
    expect(meta.every((m) => m.includes('冠县'))).toBe(true);
    await page.getByLabel('排序').selectOption('date');
    await page.waitForFunction(() => location.search.includes('sort=date'));
    await page.waitForTimeout(200);
    const dates = (await results(page).locator('.meta').allTextContents()).map(
      (m) => /\d{4}-\d{2}-\d{2}/u.exec(m)?.[0] ?? '',
    );
    expect(dates).toEqual([...dates].sort().reverse());

    // The shared address gives the same results; back undoes the sort, then the filter.
    const shared = await searchPage(new URL(page.url()).search.slice(1));
    await waitForResults(shared, '企业');
    expect(await results(shared).locator('a.headline').allTextContents()).toEqual(
      await results(page).locator('a.headline').allTextContents(),
    );
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('sort=date'));
    await expect(page.getByLabel('排序').inputValue()).resolves.toBe('relevance');
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('county='));
    await page.waitForFunction(() => !document.querySelector('#search-status')?.textContent?.includes('冠县'));
    await shared.close();
    await page.close();
  });

  it('carries the words into the story, marks them and scrolls to the first; the permalink drops them', async () => {
    const page = await searchPage('q=调委会');
    await waitForResults(page, '调委会');
    await results(page).first().locator('a.headline').click();
    await page.waitForURL(/\/articles\/.+\?hl=/u);
    await page.waitForSelector('article.story mark.hl');
    await expect(page.locator('article.story mark.hl').first().textContent()).resolves.toBe('调委会');
    const inView = await page
      .locator('article.story mark.hl')
      .first()
      .evaluate((m) => {
        const r = m.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      });
    expect(inView).toBe(true);
    await expect(page.locator('a.permalink').getAttribute('href')).resolves.toMatch(/^\/articles\/[a-z0-9_-]+\/$/u);
    await page.close();
  });

  it('works by keyboard alone: / to the box, Enter to search, Tab to a result, Escape to clear', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl()}/topics/`);
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('site-q');
    await page.keyboard.type('葡萄');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search/?q=*');
    await waitForResults(page, '葡萄');
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('q');
    await page.keyboard.press('Escape');
    await expect(page.getByLabel('关键词').inputValue()).resolves.toBe('');
    await page.keyboard.type('葡萄');
    await waitForResults(page, '葡萄');
    // Tab from the box through the filters to the first result.
    let reached = '';
    for (let i = 0; i < 30 && !reached.includes('葡萄'); i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.textContent)) ?? '';
    }
    expect(reached).toBe('葡萄“串”起富民链');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/articles\/.+\?hl=/u);
    await page.close();
  });

  it('without JavaScript says so and points to browsing', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/search/?q=轴承`);
    await expect(page.getByText('需要启用 JavaScript').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: '按区县' }).first().isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('loads no search code on a story opened without ?hl=', async () => {
    const page = await browser.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(r.url()));
    await page.goto(`${baseUrl()}/articles/000_84d0d68a418f73b1-1wk/`);
    await page.waitForLoadState('networkidle');
    expect(fetched.filter((u) => /search-index|search-worker|highlight/u.test(u))).toEqual([]);
    await page.close();
  });
});
