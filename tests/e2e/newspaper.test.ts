/**
 * The archive as readers of e-paper sites know it (issue 10): a header that
 * leaves room for the news, pages named 报名 + 版次, 版面导航 and 标题导航,
 * 上一版/下一版 and 上一期/下一期, the latest issue on the home page, photo
 * stories with titles of their own. Layout is checked by measuring boxes.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { preview } from 'astro';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch } from './browser.ts';
import { astroEnv, tempProject } from './temp-project.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

interface Listed {
  id: string;
  kind: string;
  kicker: string | null;
  headline: string | null;
  captions: string[];
  source: { file: string; startLine: number; endLine: number };
}
const json = async <T>(url: string): Promise<T> => (await fetch(url)).json() as Promise<T>;
/** Every record behind a paged API index (/api/articles.json by month, /api/pages.json by year). */
async function all<T>(base: string, index: 'articles' | 'pages'): Promise<T[]> {
  const listed = await json<{ months?: Array<{ url: string }>; years?: Array<{ url: string }> }>(
    `${base}/api/${index}.json`,
  );
  const parts = await Promise.all(
    (listed.months ?? listed.years ?? []).map((m) => json<Record<string, T[]>>(`${base}${m.url}`)),
  );
  return parts.flatMap((p) => p[index] ?? []);
}
const records = (base: string) => all<Listed>(base, 'articles');
interface PageRecord {
  issueDate: string | null;
  articleIds: string[];
}

const WIDTHS = [390, 1366] as const;
const SCHEMES = ['light', 'dark'] as const;
const cases = WIDTHS.flatMap((width) => SCHEMES.map((scheme) => [width, scheme] as const));

async function open(width: number, scheme: 'light' | 'dark', url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 844 }, colorScheme: scheme });
  await page.goto(url);
  return page;
}

describe.each(cases)('the header at %i px (%s)', (width, scheme) => {
  it('keeps 搜索 on one line, the sections on one row, and the first headline on screen', async () => {
    const page = await open(width, scheme, `${baseUrl()}/`);
    const m = await page.evaluate(() => {
      const box = (el: Element | null) => el?.getBoundingClientRect();
      const button = document.querySelector('.site-search button');
      const links = [...document.querySelectorAll('.site-nav a')].map((a) => a.getBoundingClientRect().top);
      const firstHeadline = document.querySelector('.latest-issue .headlines a');
      return {
        header: box(document.querySelector('header.masthead'))?.height ?? 0,
        buttonHeight: box(button)?.height ?? 0,
        buttonLine: parseFloat(getComputedStyle(button ?? document.body).lineHeight) || 24,
        navTops: new Set(links.map(Math.round)).size,
        headlineBottom: box(firstHeadline)?.bottom ?? Infinity,
        overflow: document.documentElement.scrollWidth - window.innerWidth,
      };
    });
    expect(m.buttonHeight).toBeLessThan(m.buttonLine * 2);
    expect(m.navTops).toBe(1);
    expect(m.header).toBeLessThanOrEqual(width < 500 ? 110 : 120);
    expect(m.headlineBottom).toBeLessThanOrEqual(844);
    expect(m.overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});

describe.each(cases)('the seeds’ archive at %i px (%s)', (width, scheme) => {
  it('shows the whole latest issue on the home page: its pages and every headline', async () => {
    const page = await open(width, scheme, `${baseUrl()}/`);
    const pages = await all<PageRecord>(baseUrl(), 'pages');
    const newest = pages
      .map((p) => p.issueDate ?? '')
      .sort()
      .at(-1);
    const onNewest = pages.filter((p) => p.issueDate === newest).flatMap((p) => p.articleIds);
    const latest = page.getByRole('region', { name: /最新一期/u });
    await expect(latest.locator('.headlines li').count()).resolves.toBe(onNewest.length);
    await expect(latest.getByRole('link', { name: '领跑亩均效益 保供应急物资' }).count()).resolves.toBe(1);
    await page.close();
  });

  it('gives a photo story a short title, its kicker once, its caption and credit once, and a placeholder', async () => {
    const photo = (await records(baseUrl())).find((a) => a.kind === 'photo' && a.kicker === '目击');
    const page = await open(width, scheme, `${baseUrl()}/articles/${photo?.id}/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('村民在对甜叶菊进行掐尖管理');
    const main = page.locator('main');
    await expect(main.getByText('目击', { exact: true }).count()).resolves.toBe(1);
    await expect(main.getByText(/带动农民增收致富。/u).count()).resolves.toBe(1);
    const text = (await main.textContent()) ?? '';
    expect(text.split('陈清林').length - 1).toBe(1);
    await expect(page.locator('.photo-placeholder').isVisible()).resolves.toBe(true);
    await expect(main.textContent()).resolves.toMatch(/第 86–90 行/u);
    await page.close();
  });

  it('never says 第 n–n 行 for a one-line story', async () => {
    const oneLine = (await records(baseUrl())).find((a) => a.source.startLine === a.source.endLine);
    const page = await open(width, scheme, `${baseUrl()}/articles/${oneLine?.id}/`);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain(`第 ${oneLine?.source.startLine} 行`);
    expect(text).not.toMatch(/第 (\d+)–\1 行/u);
    await page.close();
  });

  it('sets the page view in a comfortable measure, with 上一期 pointing to the earlier issue', async () => {
    const page = await open(width, scheme, `${baseUrl()}/pages/000_84d0d68a418f73b1/`);
    const perLine = await page.evaluate(() => {
      const p = document.querySelector('.page-view article.item p:not(.meta)');
      if (!p) return 0;
      return p.getBoundingClientRect().width / parseFloat(getComputedStyle(p).fontSize);
    });
    // About 38 characters a line on a wide screen; a phone's own width below that.
    if (width > 1000) expect(perLine).toBeGreaterThan(30);
    expect(perLine).toBeLessThanOrEqual(40);
    const earlier = page.getByRole('navigation', { name: '翻版' }).getByRole('link', { name: /上一期/u });
    await expect(earlier.getAttribute('href')).resolves.toBe('/issues/2025-07-01/');
    // The seeds' newest issue has no 下一期.
    await expect(page.getByRole('link', { name: /下一期/u }).count()).resolves.toBe(0);
    // Readers never see the editor's checks.
    await expect(page.getByText('编辑检查').count()).resolves.toBe(0);
    await page.close();
  });
});

describe('the seeds’ stories as text', () => {
  it('never shows a line a column wrap cut mid-sentence as a subhead', async () => {
    const stories = (await records(baseUrl())).filter((a) => /^00[023]_/u.test(a.id));
    const subheads: string[] = [];
    for (const story of stories) {
      const page = await open(390, 'light', `${baseUrl()}/articles/${story.id}/`);
      subheads.push(...(await page.locator('.story .subhead').allTextContents()));
      await page.close();
    }
    // The two wraps the issue names, and any other that ends without finishing its sentence.
    expect(subheads.filter((s) => /关于深化改革$|顾官屯$|[，,、《“（]$/u.test(s))).toEqual([]);
    // Seed 003's feature keeps its real subheads, complete short lines between paragraphs.
    expect(subheads.length).toBeGreaterThanOrEqual(3);
  });

  it('names pages in the page list by 报名 + 版次, the file only in small type', async () => {
    const page = await open(390, 'light', `${baseUrl()}/pages/`);
    const first = page.locator('tbody tr a').first();
    await expect(first.locator('.page-file').count()).resolves.toBe(1);
    const small = await first.locator('.page-file').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const body = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(small).toBeLessThan(body);
    await page.close();
  });
});

/** Three seeds laid out by sidecars as pages A1–A3 of one issue of 聊城日报, and one as the day before. */
describe('an issue of several pages', () => {
  const SEEDS = path.resolve('seeds');
  const names = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
  const nameOf = (prefix: string) => names.find((f) => f.startsWith(prefix)) ?? '';
  const { root, seeds } = tempProject('issue-');
  const layout: Array<[string, Record<string, string>]> = [
    ['001', { date: '2025-07-08', edition: '聊城日报', page: 'A2' }],
    ['003', { date: '2025-07-08', edition: '聊城日报', page: 'A1', section: '要闻' }],
    ['000', { date: '2025-07-08', edition: '聊城日报', page: 'A3', section: '今日聊城·城事' }],
    ['002', { date: '2025-07-07', edition: '聊城日报', page: 'A1' }],
  ];
  let server: Awaited<ReturnType<typeof preview>>;
  let base = '';

  beforeAll(async () => {
    for (const [prefix, meta] of layout) {
      copyFileSync(path.join(SEEDS, nameOf(prefix)), path.join(seeds, nameOf(prefix)));
      writeFileSync(path.join(seeds, nameOf(prefix).replace(/\.txt$/u, '.meta.json')), JSON.stringify(meta));
    }
    const built = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      cwd: root,
      env: astroEnv({ SEEDS_DIR: 'seeds' }),
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
    server = await preview({ root, logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
    base = `http://127.0.0.1:${server.port}`;
  }, 600_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('lists the issue’s pages in order (版面导航) and every story on each (标题导航)', async () => {
    const page = await open(390, 'light', `${base}/issues/2025-07-08/`);
    const tabs = page.getByRole('navigation', { name: '版面导航' }).getByRole('link');
    await expect(tabs.allTextContents()).resolves.toEqual(['A1版', 'A2版', 'A3版']);
    const titles = await page.locator('.issue-page-title a').allTextContents();
    expect(titles).toEqual(['聊城日报 A1版 · 要闻', '聊城日报 A2版', '聊城日报 A3版 · 今日聊城·城事']);
    const pages = await all<PageRecord>(base, 'pages');
    const stories = pages.filter((p) => p.issueDate === '2025-07-08').flatMap((p) => p.articleIds);
    await expect(page.locator('.headlines li').count()).resolves.toBe(stories.length);
    await tabs.nth(1).click();
    await expect(page.evaluate(() => location.hash)).resolves.toMatch(/^#p-001/u);
    await page.close();
  });

  it.each(cases)('turns pages and issues from the top of the page view (%i px, %s)', async (width, scheme) => {
    const page = await open(width, scheme, `${base}/pages/${nameOf('001').replace(/\.txt$/u, '')}/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('聊城日报 A2版');
    const turns = page.getByRole('navigation', { name: '翻版' });
    const links = Object.fromEntries(
      await Promise.all(
        (await turns.getByRole('link').all()).map(async (l) => [await l.textContent(), await l.getAttribute('href')]),
      ),
    ) as Record<string, string>;
    expect(links).toMatchObject({
      '← 上一版A1版': expect.stringMatching(/^\/pages\/003/u),
      '下一版A3版 →': expect.stringMatching(/^\/pages\/000/u),
      '← 上一期2025年7月7日': '/issues/2025-07-07/',
    });
    const navTop = (await turns.boundingBox())?.y ?? Infinity;
    const h1Top = (await page.getByRole('heading', { level: 1 }).boundingBox())?.y ?? 0;
    expect(navTop).toBeLessThan(h1Top);
    await page.close();
  });

  it('cites every story by 报名 · 日期 · 版次', async () => {
    const story = (await records(base)).find((a) => a.source.file === nameOf('003'));
    const page = await open(390, 'light', `${base}/articles/${story?.id}/`);
    await expect(page.locator('.printed').textContent()).resolves.toBe('聊城日报 · 2025年7月8日 · A1版');
    await expect(page.getByRole('region', { name: '出处' }).textContent()).resolves.toContain('聊城日报 A1版 · 要闻');
    await expect(page.getByRole('link', { name: /下一版/u }).getAttribute('href')).resolves.toMatch(/^\/pages\/001/u);
    await page.close();
  });
});
