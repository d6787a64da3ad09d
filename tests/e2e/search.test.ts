/** Search in the browser: typing, filters, sort, sharing, keyboard, highlighting, no-JS. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, screenshot } from './browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

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
      document.querySelector<HTMLElement>('#search-status')?.dataset.query === q &&
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
    const dates = await results(page)
      .locator('.meta time')
      .evaluateAll((times) => times.map((t) => t.getAttribute('datetime') ?? ''));
    expect(dates.length).toBeGreaterThan(1);
    expect(dates).toEqual([...dates].sort().reverse());
    // Dates read as everywhere else on the site: 2025年7月8日.
    for (const text of await results(page).locator('.meta time').allTextContents())
      expect(text).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/u);

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

  it('makes one history entry for typing, so Back returns to the empty page and Forward to the search', async () => {
    const page = await searchPage();
    const box = page.getByLabel('关键词');
    const before = await page.evaluate(() => history.length);
    await box.pressSequentially('轴', { delay: 50 });
    // A pause longer than any debounce: it must not add an entry.
    await page.waitForTimeout(1500);
    await box.pressSequentially('承', { delay: 50 });
    await waitForResults(page, '轴承');
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => history.length)).toBe(before + 1);
    await page.goBack();
    await page.waitForFunction(() => location.search === '');
    await expect(box.inputValue()).resolves.toBe('');
    await expect(results(page).count()).resolves.toBe(0);
    await page.goForward();
    await waitForResults(page, '轴承');
    await expect(box.inputValue()).resolves.toBe('轴承');
    await expect(results(page).count()).resolves.toBe(4);

    // From a committed search, typing on starts one new entry; Back returns to the committed one.
    await box.press('Enter');
    await box.pressSequentially(' 临清', { delay: 50 });
    await waitForResults(page, '轴承 临清');
    await page.goBack();
    await waitForResults(page, '轴承');
    await expect(box.inputValue()).resolves.toBe('轴承');
    // Enter on what is already shown adds nothing.
    const length = await page.evaluate(() => history.length);
    await box.press('Enter');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => history.length)).toBe(length);
    await page.close();
  });

  it('leaves no second empty page behind when typing is cleared with Escape', async () => {
    const page = await searchPage();
    const box = page.getByLabel('关键词');
    await page.evaluate(() => history.replaceState({ marker: 'start' }, ''));
    await box.pressSequentially('轴承', { delay: 50 });
    await waitForResults(page, '轴承');
    await box.press('Escape');
    await page.waitForFunction(() => location.search === '');
    // The reader is back on the very entry they started from, not on a copy of it.
    await page.waitForFunction(() => (history.state as { marker?: string } | null)?.marker === 'start');
    await expect(box.inputValue()).resolves.toBe('');
    await page.close();
  });

  it('lists a county’s stories newest first when only a filter is chosen, and says how many', async () => {
    const page = await searchPage('county=linqing');
    await page.waitForFunction(() => document.querySelector('#search-status')?.textContent?.includes('篇'));
    const status = (await page.locator('#search-status').textContent()) ?? '';
    const total = Number(/^临清市 · 共 (\d+) 篇，按日期排列$/u.exec(status)?.[1]);
    // The county's own page lists the same stories.
    const county = await browser.newPage();
    await county.goto(`${baseUrl()}/counties/linqing/`);
    const listed = await county.locator('main .story-list > li').count();
    await county.close();
    expect(total).toBe(listed);
    expect(total).toBeGreaterThan(0);
    await expect(results(page).count()).resolves.toBe(Math.min(total, 10));
    const meta = await results(page).locator('.meta').allTextContents();
    expect(meta.every((m) => m.includes('临清市'))).toBe(true);
    const dates = await results(page)
      .locator('.meta time')
      .evaluateAll((times) => times.map((t) => t.getAttribute('datetime') ?? ''));
    expect(dates).toEqual([...dates].sort().reverse());

    // Another combination: a kind and a start date.
    await page.goto(`${baseUrl()}/search/?kind=photo&from=2025-01-01`);
    await page.waitForFunction(() =>
      /共 \d+ 篇，按日期排列/u.test(document.querySelector('#search-status')?.textContent ?? ''),
    );
    await expect(page.locator('#search-status').textContent()).resolves.toMatch(
      /^图片新闻 · 2025年1月1日起 · 共 \d+ 篇，按日期排列$/u,
    );
    expect((await results(page).locator('.meta').allTextContents()).every((m) => m.startsWith('图片新闻'))).toBe(true);
    await page.close();
  });

  it('reads pinyin typed with spaces or capitals, and marks the words it found', async () => {
    const page = await searchPage('q=轴承');
    await waitForResults(page, '轴承');
    const bearing = await results(page).locator('a.headline').allTextContents();
    for (const typed of ['Zhou Cheng', 'zhoucheng']) {
      const other = await searchPage();
      await other.getByLabel('关键词').pressSequentially(typed, { delay: 30 });
      await waitForResults(other, typed);
      expect((await other.locator('#search-results a.headline').allTextContents()).sort()).toEqual([...bearing].sort());
      await expect(other.locator('#search-results mark.hl').first().textContent()).resolves.toBe('轴承');
      await other.close();
    }
    await page.close();
  });

  it('offers 您要找的是不是 for a wrong character, and runs that search', async () => {
    const page = await searchPage();
    await page.getByLabel('关键词').pressSequentially('轴乘', { delay: 50 });
    await waitForResults(page, '轴乘');
    const offer = page.locator('#search-suggestion');
    await expect(offer.textContent()).resolves.toBe('您要找的是不是 轴承？');
    await offer.getByRole('link', { name: '轴承' }).click();
    await waitForResults(page, '轴承');
    await expect(page.getByLabel('关键词').inputValue()).resolves.toBe('轴承');
    await expect(page.locator('#search-status').textContent()).resolves.toBe('找到 4 篇稿件');
    await expect(offer.isHidden()).resolves.toBe(true);
    await page.goBack();
    await waitForResults(page, '轴乘');
    await page.close();
  });

  it('answers a question typed as a sentence with the stories that have most of it, and says they are partial matches', async () => {
    const page = await searchPage('q=聊城今年小麦产量是多少');
    await waitForResults(page, '聊城今年小麦产量是多少');
    await expect(page.locator('#search-status').textContent()).resolves.toMatch(
      /^找到 \d+ 篇稿件（没有稿件包含全部关键词，显示包含关键词最多的稿件）$/u,
    );
    await expect(results(page).locator('a.headline').first().textContent()).resolves.toContain('小麦');
    await page.close();
  });

  it('shows the byline when a reporter’s name matched, the name linking to their page', async () => {
    const page = await searchPage('q=张浩');
    await waitForResults(page, '张浩');
    const count = await results(page).count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const name = results(page).nth(i).locator('.byline a', { hasText: '张浩' });
      await expect(name.locator('mark.hl').textContent()).resolves.toBe('张浩');
      await expect(name.getAttribute('href')).resolves.toBe('/reporters/zhang-hao/');
    }
    await results(page).first().locator('.byline a', { hasText: '张浩' }).click();
    await page.waitForURL('**/reporters/zhang-hao/');
    await expect(page.locator('h1').textContent()).resolves.toContain('张浩');
    await page.close();
  });

  it.each(['light', 'dark'] as const)('marks words with AA contrast in %s mode', async (colorScheme) => {
    const page = await browser.newPage({ colorScheme, viewport: { width: 390, height: 844 } });
    await page.goto(`${baseUrl()}/search/?q=${encodeURIComponent('企业')}`);
    await waitForResults(page, '企业');
    const ratios = await page.locator('mark.hl').evaluateAll((marks) => {
      const rgb = (c: string) => (c.match(/[\d.]+/gu) ?? []).slice(0, 3).map(Number);
      const lum = (c: string) => {
        const [r = 0, g = 0, b = 0] = rgb(c).map((v) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      return marks.map((m) => {
        const style = getComputedStyle(m);
        const [a, b] = [lum(style.color), lum(style.backgroundColor)].sort((x, y) => y - x);
        return ((a ?? 0) + 0.05) / ((b ?? 0) + 0.05);
      });
    });
    expect(ratios.length).toBeGreaterThan(5);
    expect(Math.min(...ratios)).toBeGreaterThanOrEqual(4.5);
    await page.close();
  });

  it.each(['light', 'dark'] as const)(
    'has no serious axe violation on results with bylines and a suggestion in %s mode',
    async (colorScheme) => {
      for (const query of ['张浩', '轴乘']) {
        const page = await browser.newPage({ colorScheme, viewport: { width: 390, height: 844 } });
        await page.goto(`${baseUrl()}/search/?q=${encodeURIComponent(query)}`);
        await waitForResults(page, query);
        await expect(
          page.locator(query === '张浩' ? '.byline a' : '#search-suggestion a').count(),
        ).resolves.toBeGreaterThan(0);
        await page.addScriptTag({ content: axeSource });
        const found = (await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } })
            .axe;
          return (await axe.run(document)).violations;
        })) as Array<{ id: string; impact: string | null }>;
        expect(found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
        if (query === '张浩') await screenshot(page, `search-byline-390-${colorScheme}`);
        await page.close();
      }
    },
  );

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
