/** Screenshots of the main pages at phone and desktop widths, for people to look at. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launch, screenshot } from './browser.ts';

const PAGES = [
  ['home', '/'],
  ['county', '/counties/chiping/'],
  ['story', '/articles/'],
  ['page-view', '/pages/003_fe8a0c6fe09a0cab/'],
  ['figures', '/figures/2025-07/'],
  ['issues', '/issues/'],
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe.each([390, 1280])('at %i px wide', (width) => {
  it.each(PAGES)('%s renders', async (name, path) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    let url = `${baseUrl()}${path}`;
    if (name === 'story') {
      // The first story on the home page.
      await page.goto(`${baseUrl()}/`);
      url = new URL((await page.locator('.story-list a.headline').first().getAttribute('href')) ?? '/', baseUrl()).href;
    }
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    await screenshot(page, `${name}-${width}`);
    // Nothing wider than the viewport: no sideways scrolling on a phone.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});
