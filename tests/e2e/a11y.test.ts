/** axe-core on the main page types: no serious or critical violation. */
import { readFileSync, readdirSync } from 'node:fs';
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

/** The built site's own records: one story of each kind, one page, one issue (ids are read, never written here). */
function built<T>(dir: string, key: string): T[] {
  return readdirSync(`dist/api/${dir}`).flatMap(
    (f) => JSON.parse(readFileSync(`dist/api/${dir}/${f}`, 'utf8'))[key] as T[],
  );
}
const stories = built<{ id: string; kind: string }>('articles', 'articles');
const pages = built<{ id: string; issueDate: string | null }>('pages', 'pages');
const oneOfEachKind = [...new Map(stories.map((a) => [a.kind, a.id])).values()];

/** Every kind of route the site builds. */
const PATHS = [
  '/',
  ...oneOfEachKind.map((id) => `/articles/${id}/`),
  '/counties/',
  '/counties/chiping/',
  '/topics/',
  '/topics/industry/',
  '/issues/',
  `/issues/${pages.find((p) => p.issueDate)?.issueDate}/`,
  '/pages/',
  `/pages/${pages[0]?.id}/`,
  '/reporters/',
  '/reporters/wang-jun-hao/',
  '/figures/',
  '/figures/2025-07/',
  '/search/',
  '/search/?q=轴承',
  '/404.html',
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
