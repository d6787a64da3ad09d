/**
 * A story whose id changed keeps its old address. Seed 000 was published
 * (its ids in the id ledger), then an editor set a new story above its
 * first: every story moved down one place and got a new id. One build of
 * that folder; the old addresses must send a reader to the same stories,
 * and stay out of the sitemap; `astro sync` before it must not touch the
 * ledger. The site's own dist/ is checked too: the ids
 * the seeds had under parser 1.2.0 (in seeds/ids.json) redirect.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { preview } from 'astro';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePage } from '../../src/lib/parser/index.ts';
import { EMPTY_LEDGER, IdLedger, ledgerStoryOf, updateLedger } from '../../src/lib/id-ledger.ts';
import { writeIdLedger } from '../../src/lib/id-ledger-file.ts';
import { baseUrl, launch } from './browser.ts';
import { astroEnv, tempProject } from './temp-project.ts';

const FILE = '2025-07-08-a3.txt';
const original = readFileSync(path.resolve('seeds/000_84d0d68a418f73b1.txt'), 'utf8');
const edited = `新闻标题\n\n本报讯(记者 王五)记者7月7日获悉,新增一条消息。\n\n${original}`;
const before = parsePage({ file: FILE, text: original }).articles;
const after = parsePage({ file: FILE, text: edited }).articles;

const { root, seeds } = tempProject('moved-ids-');
const astro = (command: string) =>
  spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', command], {
    cwd: root,
    env: astroEnv({ SEEDS_DIR: 'seeds' }),
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
let sync: ReturnType<typeof spawnSync>;
let published: string;
let afterSync: string;
let build: ReturnType<typeof spawnSync>;
let server: Awaited<ReturnType<typeof preview>>;
let site: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  // Published: the ledger a build of the original page wrote. Then the editor's insert.
  writeIdLedger(seeds, updateLedger(EMPTY_LEDGER, [{ file: FILE, stories: before.map(ledgerStoryOf) }]));
  writeFileSync(path.join(seeds, FILE), edited);
  published = readFileSync(path.join(seeds, 'ids.json'), 'utf8');
  // What astro check runs first, and a build, too: it loads every collection, the redirects among them.
  sync = astro('sync');
  afterSync = readFileSync(path.join(seeds, 'ids.json'), 'utf8');
  build = astro('build');
  server = await preview({ root, logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
  site = `http://127.0.0.1:${server.port}`;
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 390, height: 844 } });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('an old story address after stories moved', () => {
  it('builds', () => {
    expect(build.status, String(build.stderr).slice(-2000)).toBe(0);
  });

  it('sends the reader to the same story at its new address', async () => {
    const story = before[1];
    const moved = after.find((a) => a.headline === story?.headline);
    expect(moved?.id).not.toBe(story?.id);
    await page.goto(`${site}/articles/${story?.id}/`);
    await page.waitForURL(`**/articles/${moved?.id}/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(story?.headline);
  });

  it('is a page that names the new address as canonical and is not indexed', async () => {
    const story = before.at(-1);
    const moved = after.at(-1);
    const html = await (await fetch(`${site}/articles/${story?.id}/`, { redirect: 'manual' })).text();
    expect(html).toContain(`<meta http-equiv="refresh" content="0;url=/articles/${moved?.id}/">`);
    expect(html).toMatch(new RegExp(`<link rel="canonical" href="[^"]*/articles/${moved?.id}/">`, 'u'));
    expect(html).toContain('<meta name="robots" content="noindex">');
  });

  it('is not in the sitemap, which lists the new address', () => {
    const sitemap = readFileSync(path.join(root, 'dist/sitemap-0.xml'), 'utf8');
    for (const a of before.slice(1)) expect(sitemap).not.toContain(`/articles/${a.id}/`);
    for (const a of after) expect(sitemap).toContain(`/articles/${a.id}/`);
  });

  it('is not written to the ledger by astro sync (nor astro check, which runs it): only a build writes it', () => {
    expect(sync.status, String(sync.stderr).slice(-2000)).toBe(0);
    expect(afterSync).toBe(published);
    expect(readFileSync(path.join(seeds, 'ids.json'), 'utf8')).not.toBe(published);
    // Written by a rename over the old file: no temporary file is left beside it.
    expect(readdirSync(seeds).sort()).toEqual([FILE, 'ids.json']);
  });

  it('is kept in the ledger the build wrote, with where the story went', () => {
    const ledger = IdLedger.parse(JSON.parse(readFileSync(path.join(seeds, 'ids.json'), 'utf8')));
    const ids = ledger.pages[FILE] ?? {};
    expect(ids[before[1]?.id ?? '']?.movedTo).toBe(after[2]?.id);
    for (const a of after) expect(ids[a.id]?.movedTo).toBeUndefined();
  });
});

describe('the site’s own old ids (parser 1.2.0)', () => {
  it('redirect to the new ones', async () => {
    await page.goto(`${baseUrl()}/articles/000_84d0d68a418f73b1-1ib39fn/`);
    await page.waitForURL('**/articles/000_84d0d68a418f73b1-1wk/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('领跑亩均效益 保供应急物资');
  });
});
