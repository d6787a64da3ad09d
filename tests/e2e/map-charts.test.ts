/** The county map and the charts, measured in Chromium at phone and desktop widths, light and dark. */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { allCountyRefs, gazetteer } from '../../src/lib/parser/gazetteer.ts';
import { countyUrl } from '../../src/lib/site/routes.ts';
import { SCREENSHOT_DIR, baseUrl, launch } from './browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const COUNTIES = gazetteer.units.filter((u) => u.type === 'county');
const ZONES = gazetteer.units.filter((u) => u.type === 'zone');
const MIN_TEXT_PX = 12;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

async function open(path: string, width: number, colorScheme: 'light' | 'dark'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
  const response = await page.goto(`${baseUrl()}${path}`);
  expect(response?.status()).toBe(200);
  return page;
}

/** Every piece of text drawn in the map, at the size it is drawn (font size × the SVG's scale). */
function mapTextSizes(page: Page) {
  return page.locator('.county-map svg').evaluate((svg: SVGSVGElement) => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return [...svg.querySelectorAll('text, tspan')]
      .filter((t) => [...t.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()))
      .map((t) => ({ text: t.textContent ?? '', px: parseFloat(getComputedStyle(t).fontSize) * scale }));
  });
}

/** Every visible text in an HTML chart with its computed size (screen-reader-only text left out). */
function chartTextSizes(page: Page, selector: string) {
  return page.locator(selector).evaluate((chart: Element) => {
    const out: Array<{ text: string; px: number }> = [];
    const walker = document.createTreeWalker(chart, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim() || el.closest('.visually-hidden')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      out.push({ text: node.textContent.trim(), px: parseFloat(getComputedStyle(el).fontSize) });
    }
    return out;
  });
}

async function seriousViolations(page: Page) {
  await page.addScriptTag({ content: axeSource });
  const found = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document)).violations;
  })) as Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }>;
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const SCREENS = [390, 1366].flatMap((width) => (['light', 'dark'] as const).map((scheme) => [width, scheme] as const));

describe.each(SCREENS)('at %i px, %s', (width, scheme) => {
  it.each(['/', '/counties/'])(
    '%s shows the county map: eight county links, three zones, shaded, inside the screen',
    async (path) => {
      const page = await open(path, width, scheme);
      const map = page.locator('.county-map svg');
      expect(await map.locator('title').textContent()).toContain('地图');

      // Eight counties, each a link to its county page named with its count.
      const counties = await page.locator('.county-map a.county').evaluateAll((links) =>
        links.map((a) => ({
          href: a.getAttribute('href'),
          name: a.getAttribute('aria-label'),
          fill: getComputedStyle(a.querySelector('path') as Element).fill,
        })),
      );
      expect(counties.map((c) => c.href).sort()).toEqual(COUNTIES.map((u) => countyUrl(u.slug)).sort());
      for (const c of counties) expect(c.name).toMatch(/^\S+ \d+ 篇$/u);
      expect(counties.map((c) => c.name?.split(' ')[0]).sort()).toEqual(COUNTIES.map((u) => u.short).sort());

      // Three zones, each a labelled point linking to its page, inside 东昌府区.
      const zones = await page.locator('.county-map a.zone').evaluateAll((links) =>
        links.map((a) => {
          const dot = (a.querySelector('circle') as Element).getBoundingClientRect();
          const label = (a.querySelector('text') as Element).getBoundingClientRect();
          return {
            href: a.getAttribute('href'),
            name: a.getAttribute('aria-label'),
            text: a.querySelector('text')?.textContent ?? '',
            fill: getComputedStyle(a.querySelector('circle') as Element).fill,
            dot: { x: dot.x + dot.width / 2, y: dot.y + dot.height / 2 },
            label: { left: label.left, right: label.right, top: label.top, bottom: label.bottom },
          };
        }),
      );
      expect(zones.map((z) => z.href).sort()).toEqual(ZONES.map((u) => countyUrl(u.slug)).sort());
      for (const z of zones) {
        const unit = ZONES.find((u) => countyUrl(u.slug) === z.href);
        expect(z.text).toContain(unit?.short);
        expect(z.name).toMatch(new RegExp(`^${unit?.short} \\d+ 篇$`, 'u'));
      }
      const dongchangfu = await page.locator('.county-map a.county[data-slug="dongchangfu"] path').boundingBox();
      for (const z of zones) {
        expect(z.dot.x).toBeGreaterThan(dongchangfu?.x ?? Infinity);
        expect(z.dot.x).toBeLessThan((dongchangfu?.x ?? 0) + (dongchangfu?.width ?? 0));
        expect(z.dot.y).toBeGreaterThan(dongchangfu?.y ?? Infinity);
        expect(z.dot.y).toBeLessThan((dongchangfu?.y ?? 0) + (dongchangfu?.height ?? 0));
      }
      // The zones' labels do not cover one another.
      for (const [i, a] of zones.entries())
        for (const b of zones.slice(i + 1)) {
          const apart =
            a.label.right <= b.label.left ||
            b.label.right <= a.label.left ||
            a.label.bottom <= b.label.top ||
            b.label.bottom <= a.label.top;
          expect(apart, `${a.text} / ${b.text}`).toBe(true);
        }

      // Shading follows the count: a unit with no story is not shaded like the busiest.
      const all = [...counties, ...zones].map((u) => ({ ...u, count: Number(u.name?.match(/(\d+) 篇$/u)?.[1]) }));
      const none = all.filter((u) => u.count === 0);
      const busiest = all.reduce((a, b) => (b.count > a.count ? b : a));
      expect(none.length).toBeGreaterThan(0);
      for (const u of none) expect(u.fill, `${u.name} vs ${busiest.name}`).not.toBe(busiest.fill);
      const fewest = counties
        .map((c) => ({ ...c, count: Number(c.name?.match(/(\d+) 篇$/u)?.[1]) }))
        .reduce((a, b) => (b.count < a.count ? b : a));
      expect(fewest.count).toBeLessThan(busiest.count);
      expect(fewest.fill).not.toBe(busiest.fill);

      // Inside the screen, no sideways scrolling, and every label at least 12 px.
      const box = await map.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(width);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      ).toBe(0);
      const sizes = await mapTextSizes(page);
      expect(sizes.length).toBeGreaterThanOrEqual(8 * 2 + 3);
      for (const s of sizes) expect(s.px, s.text).toBeGreaterThanOrEqual(MIN_TEXT_PX);

      // A legend in words, for readers who cannot tell the colours apart.
      expect(await page.locator('.county-map figcaption .map-legend li').allTextContents()).toContain('0 篇');
      await page.close();
    },
  );

  it.each([
    ['/', '.year-shape'],
    ['/counties/', '.heat-grid'],
    ['/figures/', '.heat-grid'],
  ])('%s: the chart (%s) is read in text of 12 px or more and fits the screen', async (path, selector) => {
    const page = await open(path, width, scheme);
    const sizes = await chartTextSizes(page, selector);
    expect(sizes.length).toBeGreaterThan(12);
    for (const s of sizes) expect(s.px, s.text).toBeGreaterThanOrEqual(MIN_TEXT_PX);
    // Everything drawn lies within the screen, and a heat grid needs no scrolling of its own.
    const outside = await page.locator(selector).evaluate((chart) =>
      [chart, ...chart.querySelectorAll('*')]
        .filter((el) => !el.closest('.visually-hidden'))
        .map((el) => ({ el: el.className.toString() || el.tagName, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.left < 0 || box.right > document.documentElement.clientWidth))
        .map(({ el }) => el),
    );
    expect(outside).toEqual([]);
    const hidden = await page
      .locator(selector)
      .evaluate((chart) => [...chart.querySelectorAll('.heat-scroll')].some((el) => el.scrollWidth > el.clientWidth));
    expect(hidden).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
      0,
    );
    // The chart in words: a description, and every value as text.
    expect(await page.locator(`${selector} .chart-description`).textContent()).toMatch(/^\d{4}年\d+月至\d{4}年\d+月/u);
    await page.close();
  });

  it.each(['/', '/counties/', '/figures/'])('%s has no serious or critical accessibility violation', async (path) => {
    const page = await open(path, width, scheme);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

it("gives the year's shape and the heat grid as text too", async () => {
  const page = await open('/', 390, 'light');
  // For the README (docs/screenshots/map.png is a copy of it).
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.locator('.county-map').screenshot({ path: `${SCREENSHOT_DIR}/map-390.png` });
  const months = await page.locator('.year-shape li .visually-hidden').allTextContents();
  expect(months).toHaveLength(12);
  expect(months.at(-1)).toMatch(/^2025年7月 \d+ 篇$/u);
  await page.goto(`${baseUrl()}/counties/`);
  const rows = await page.locator('.heat-grid tbody th').allTextContents();
  expect(rows.map((r) => r.trim())).toEqual(allCountyRefs().map((c) => c.name));
  const headers = await page.locator('.heat-grid thead tr:last-child th .visually-hidden').allTextContents();
  expect(headers.at(-1)).toBe('2025年7月');
  await page.close();
});
