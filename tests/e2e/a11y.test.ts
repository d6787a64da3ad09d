/** axe-core on the main page types: no serious or critical violation. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launch } from './browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

async function violations(path: string, colorScheme: 'light' | 'dark', html?: string) {
  const page = await browser.newPage({ colorScheme });
  if (html) await page.setContent(html);
  else await page.goto(`${baseUrl()}${path}`);
  await page.addScriptTag({ content: axeSource });
  const found = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document)).violations;
  })) as AxeViolation[];
  await page.close();
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const PATHS = [
  '/',
  '/articles/000_84d0d68a418f73b1-1wk/',
  '/counties/chiping/',
  '/figures/',
  '/figures/2025-07/',
  '/pages/003_fe8a0c6fe09a0cab/',
  '/issues/',
];

describe.each(['light', 'dark'] as const)('accessibility in %s mode', (scheme) => {
  it.each(PATHS)('%s has no serious or critical violation', async (path) => {
    expect(await violations(path, scheme)).toEqual([]);
  });
});

it('reports a violation where there is one (the check itself works)', async () => {
  const found = await violations(
    '',
    'light',
    '<html lang="zh-CN"><title>x</title><img src="a.png"><button></button></html>',
  );
  expect(found.some((v) => v.startsWith('image-alt'))).toBe(true);
});
