/**
 * The figure tables (a story's 文中数据 and /figures/<month>/) on a phone and
 * a desktop, light and dark: headings on one line, the month page a sane
 * height, the figure column sticky, the view kept in the URL, the CSV the
 * same rows as the table, and no serious axe violation.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, screenshot } from './browser.ts';

/**
 * /figures/2025-07/ (108 figures) measured 14,308 px tall at 390 px before the
 * table was rebuilt; one line a row keeps it near 5,200 px.
 */
const MONTH_HEIGHT_BOUND = 7000;

let browser: Browser;
let monthPath = '';
let storyPath = '';

beforeAll(async () => {
  browser = await launch();
  const page = await browser.newPage();
  // The month with the most figures, and the story in it with the most: the longest tables the seeds give.
  await page.goto(`${baseUrl()}/figures/`);
  const months = await page.$$eval('.chips a', (links) =>
    links.map((a) => ({ href: a.getAttribute('href') ?? '', count: Number(a.querySelector('.count')?.textContent) })),
  );
  monthPath = months.sort((a, b) => b.count - a.count)[0]?.href ?? '';
  await page.goto(`${baseUrl()}${monthPath}`);
  const stories = await page.$$eval('td.title a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
  const perStory = new Map<string, number>();
  for (const s of stories) perStory.set(s, (perStory.get(s) ?? 0) + 1);
  storyPath = [...perStory].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  await page.close();
});
afterAll(async () => {
  await browser.close();
});

const tableRows = (page: Page) => page.locator('[data-figure-table] tbody tr');
const visibleRows = (page: Page) => page.locator('[data-figure-table] tbody tr:not([hidden])');

/** Each heading's lines: a column heading's box, and a row heading's text (its cell is as tall as its row). */
const headingLines = (page: Page) =>
  page.$$eval('[data-figure-table] th', (cells) =>
    cells.map((th) => {
      const style = getComputedStyle(th);
      const line = parseFloat(style.lineHeight);
      const range = document.createRange();
      range.selectNodeContents(th);
      const text = range.getBoundingClientRect().height;
      const box =
        th.getBoundingClientRect().height -
        parseFloat(style.paddingTop) -
        parseFloat(style.paddingBottom) -
        parseFloat(style.borderTopWidth) -
        parseFloat(style.borderBottomWidth);
      const inHead = th.closest('thead') !== null;
      return { text: th.textContent ?? '', lines: (inHead ? box : text) / line };
    }),
  );

describe.each([390, 1366])('at %i px', (width) => {
  describe.each(['light', 'dark'] as const)('%s', (colorScheme) => {
    let page: Page;
    beforeAll(async () => {
      page = await browser.newPage({ viewport: { width, height: 844 }, colorScheme });
    });
    afterAll(async () => {
      await page.close();
    });

    it.each([
      ['month', () => monthPath],
      ['story', () => storyPath],
    ])('the %s table: every heading on one line, nothing wider than the window', async (name, path) => {
      await page.goto(`${baseUrl()}${path()}`);
      expect(await tableRows(page).count()).toBeGreaterThan(10);
      const headings = await headingLines(page);
      expect(headings.length).toBeGreaterThan(10);
      expect(headings.filter((h) => h.lines > 1.5)).toEqual([]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, `figure-table-${name}-${width}-${colorScheme}`);
    });

    it('every figure has its sentence beside it, with the figure marked', async () => {
      await page.goto(`${baseUrl()}${monthPath}`);
      const rows = await page.$$eval('[data-figure-table] tbody tr', (trs) =>
        trs.map((tr) => ({
          figure: tr.querySelector('th')?.textContent?.trim(),
          marked: tr.querySelector('td.excerpt mark.figure')?.textContent,
          excerpt: tr.querySelector('td.excerpt')?.textContent?.trim() ?? '',
        })),
      );
      expect(rows.length).toBeGreaterThan(50);
      for (const r of rows) {
        expect(r.marked).toBe(r.figure);
        expect(r.excerpt.length).toBeGreaterThan(r.figure?.length ?? 0);
      }
    });
  });
});

describe('on a phone', () => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  });
  afterAll(async () => {
    await page.close();
  });

  it(`keeps the month page under ${MONTH_HEIGHT_BOUND} px`, async () => {
    await page.goto(`${baseUrl()}${monthPath}`);
    expect(await tableRows(page).count()).toBeGreaterThan(100);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(MONTH_HEIGHT_BOUND);
  });

  it('scrolls the table sideways with the figure column staying put', async () => {
    await page.goto(`${baseUrl()}${monthPath}`);
    const moved = await page.evaluate(() => {
      const region = document.querySelector<HTMLElement>('[data-figure-table] .table-scroll');
      const row = document.querySelector('[data-figure-table] tbody tr');
      const [figure, excerpt] = [row?.querySelector('th'), row?.querySelector('td')];
      if (!region || !figure || !excerpt) return null;
      const before = { figure: figure.getBoundingClientRect().left, excerpt: excerpt.getBoundingClientRect().left };
      region.scrollLeft = 300;
      return {
        scrollable: region.scrollWidth - region.clientWidth,
        figure: figure.getBoundingClientRect().left - before.figure,
        excerpt: excerpt.getBoundingClientRect().left - before.excerpt,
      };
    });
    expect(moved?.scrollable).toBeGreaterThan(300);
    expect(moved?.figure).toBe(0);
    expect(moved?.excerpt).toBe(-300);
  });

  it('shows every row without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const plain = await context.newPage();
    await plain.goto(`${baseUrl()}${monthPath}?unit=%25&sort=value-desc`);
    const total = await tableRows(plain).count();
    expect(total).toBeGreaterThan(100);
    await expect(visibleRows(plain).count()).resolves.toBe(total);
    await expect(plain.locator('[data-figure-filters]').isVisible()).resolves.toBe(false);
    await context.close();
  });

  it('keeps the filter and sort in the URL, restored on reload and on Back', async () => {
    await page.goto(`${baseUrl()}${monthPath}`);
    const total = await tableRows(page).count();
    const unit = await page.locator('select[name="unit"] option').nth(1).getAttribute('value');
    expect(unit).toBeTruthy();
    const withUnit = await page.locator(`[data-figure-table] tbody tr[data-unit="${unit}"]`).count();
    expect(withUnit).toBeLessThan(total);

    await page.selectOption('select[name="unit"]', unit ?? '');
    await page.selectOption('select[name="sort"]', 'value-desc');
    const url = new URL(page.url());
    expect(url.searchParams.get('unit')).toBe(unit);
    expect(url.searchParams.get('sort')).toBe('value-desc');
    const shown = async () =>
      page.$$eval('[data-figure-table] tbody tr:not([hidden])', (trs) =>
        trs.map((tr) => ({ unit: tr.getAttribute('data-unit'), value: Number(tr.getAttribute('data-value')) })),
      );
    const check = async () => {
      const rows = await shown();
      expect(rows.length).toBe(withUnit);
      expect(rows.every((r) => r.unit === unit)).toBe(true);
      expect(rows.map((r) => r.value)).toEqual([...rows.map((r) => r.value)].sort((a, b) => b - a));
      await expect(page.locator('[data-figure-count]').textContent()).resolves.toBe(`显示 ${withUnit} / ${total} 条`);
      await expect(page.locator('select[name="unit"]').inputValue()).resolves.toBe(unit);
      await expect(page.locator('select[name="sort"]').inputValue()).resolves.toBe('value-desc');
    };
    await check();

    await page.reload();
    await check();

    await page.locator('[data-figure-table] tbody tr:not([hidden]) td.title a').first().click();
    await page.waitForURL('**/articles/**');
    await page.goBack();
    expect(new URL(page.url()).searchParams.get('unit')).toBe(unit);
    await check();

    // Back to everything: the URL loses the keys again.
    await page.selectOption('select[name="unit"]', '');
    await page.selectOption('select[name="sort"]', 'order');
    expect(new URL(page.url()).search).toBe('');
    await expect(visibleRows(page).count()).resolves.toBe(total);
  });

  it('keeps a story’s other query keys (?hl= from search) when the view changes', async () => {
    await page.goto(`${baseUrl()}${storyPath}?hl=${encodeURIComponent('企业')}`);
    await page.selectOption('select[name="sort"]', 'value-asc');
    const url = new URL(page.url());
    expect(url.searchParams.get('hl')).toBe('企业');
    expect(url.searchParams.get('sort')).toBe('value-asc');
  });
});

describe('the CSV download', () => {
  it.each([
    ['month', () => monthPath],
    ['story', () => storyPath],
  ])('the %s table links a CSV with the same rows, UTF-8 with a BOM', async (_name, path) => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl()}${path()}`);
    const link = page.getByRole('link', { name: '下载 CSV' });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/\.csv$/u);
    const tableExcerpts = await page.$$eval('[data-figure-table] tbody tr', (trs) =>
      trs.map((tr) => tr.querySelector('td.excerpt')?.textContent?.trim()),
    );
    const response = await page.request.get(new URL(href ?? '', page.url()).href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/csv/u);
    const bytes = await response.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...records] = parse(bytes.toString('utf8'), { bom: true }) as string[][];
    expect(header).toContain('摘录');
    expect(records.length).toBe(tableExcerpts.length);
    // Row for row the same figures: the CSV's excerpts are the table's 原文 column.
    const excerptAt = header?.indexOf('摘录') ?? -1;
    expect(records.map((r) => r[excerptAt])).toEqual(tableExcerpts);
    await page.close();
  });
});

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe.each(['light', 'dark'] as const)('axe in %s mode', (colorScheme) => {
  it.each([
    ['month', () => monthPath],
    ['story', () => storyPath],
  ])('the %s table page has no serious or critical violation', async (_name, path) => {
    const page = await browser.newPage({ colorScheme, viewport: { width: 390, height: 844 } });
    await page.goto(`${baseUrl()}${path()}`);
    await page.addScriptTag({ content: axeSource });
    const found = (await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } }).axe;
      return (await axe.run(document)).violations;
    })) as Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }>;
    await page.close();
    expect(
      found
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    ).toEqual([]);
  });
});
