/**
 * `astro dev` on a folder of seeds: a page added, changed or removed shows
 * within seconds, and hostile seed text is always shown as text.
 */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser.ts';
import { astroEnv, tempProject } from './temp-project.ts';

const SEEDS = path.resolve('seeds');
const { root, seeds: dir } = tempProject('dev-site-');
const seedFile = (prefix: string) => readFileSync(path.join(SEEDS, `${prefix}`), 'utf8');
const FIRST = '000_84d0d68a418f73b1.txt';
const SECOND = '004_60e1bf30824b9f36.txt';

let server: ChildProcess;
let base = '';

/** A port nothing listens on. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function json<T>(url: string): Promise<T> {
  return (await (await fetch(`${base}${url}`)).json()) as T;
}

/** Every article record, through the API's index of monthly files. */
async function allArticles<T>(): Promise<T[]> {
  const index = await json<{ months: Array<{ url: string }> }>('/api/articles.json');
  const months = await Promise.all(index.months.map((m) => json<{ articles: T[] }>(m.url)));
  return months.flatMap((m) => m.articles);
}

/** Polls until the check passes; the dev server reloads data in the background. */
async function eventually(check: () => Promise<boolean>, seconds = 30) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`not seen within ${seconds} s`);
}

const pageCount = async () => (await json<{ count: number }>('/api/pages.json')).count;
const headlines = async () => (await allArticles<{ headline: string | null }>()).map((a) => a.headline);

beforeAll(async () => {
  copyFileSync(path.join(SEEDS, FIRST), path.join(dir, FIRST));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // The real `astro dev`, as an editor runs it (npm run dev), on a folder of its own.
  server = spawn(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: root,
      // Without the test runner's variables: under VITEST, Vite does not open its port.
      env: astroEnv({ NODE_ENV: 'development' }),
      stdio: 'ignore',
    },
  );
  await eventually(async () => {
    try {
      return (await fetch(`${base}/api/pages.json`)).ok;
    } catch {
      return false;
    }
  }, 60);
}, 90_000);

afterAll(async () => {
  server?.kill();
  rmSync(root, { recursive: true, force: true });
});

describe('astro dev follows seeds/', () => {
  it('serves the pages it starts with', async () => {
    expect(await pageCount()).toBe(1);
  });

  it('shows an added seed', async () => {
    copyFileSync(path.join(SEEDS, SECOND), path.join(dir, SECOND));
    await eventually(async () => (await pageCount()) === 2);
    expect(await headlines()).toContain('冠县复工达产“靶向”精准');
  });

  it('shows a changed seed', async () => {
    writeFileSync(path.join(dir, SECOND), seedFile(SECOND).replace('冠县复工达产“靶向”精准', '冠县复工达产再提速'));
    await eventually(async () => (await headlines()).includes('冠县复工达产再提速'));
    expect(await headlines()).not.toContain('冠县复工达产“靶向”精准');
    // The other page's records were left alone.
    expect(await headlines()).toContain('打造特色居民议事机制');
  });

  it("applies an editor's correction from a sidecar and notes it on the story", async () => {
    const story = (await allArticles<{ id: string; headline: string | null }>()).find(
      (a) => a.headline === '打造特色居民议事机制',
    );
    writeFileSync(
      path.join(dir, FIRST.replace('.txt', '.meta.json')),
      JSON.stringify(
        { corrections: { [story?.id ?? '']: { headline: '高唐县打造“有事来聊”议事机制', note: '据原版订正' } } },
        null,
        2,
      ),
    );
    await eventually(async () => (await headlines()).includes('高唐县打造“有事来聊”议事机制'));
    const html = await (await fetch(`${base}/articles/${story?.id}/`)).text();
    expect(html).toContain('编辑更正');
    expect(html).toContain('据原版订正');
  });

  it('shows an editor what the parser and the sidecar doubted, on the page view itself', async () => {
    // A sidecar field the parser does not know: a warning the editor should see where they look.
    writeFileSync(path.join(dir, SECOND.replace('.txt', '.meta.json')), JSON.stringify({ pgae: 'A3' }));
    const pageId = SECOND.replace('.txt', '');
    let html = '';
    await eventually(async () => {
      html = await (await fetch(`${base}/pages/${pageId}/`)).text();
      return html.includes('pgae');
    });
    expect(html).toContain('编辑检查');
    const stories = (await allArticles<{ id: string; source: { file: string } }>()).filter(
      (a) => a.source.file === SECOND,
    );
    expect(stories.length).toBeGreaterThan(0);
    // Every story's id (for the sidecar) and the parser's confidence in it.
    // (astro dev adds source attributes to elements, so the tag is matched loosely.)
    for (const story of stories) expect(html).toMatch(new RegExp(`<code[^>]*>${story.id}</code>`, 'u'));
    expect(html).toMatch(/\d+%/u);
  });

  it('drops a removed seed', async () => {
    rmSync(path.join(dir, SECOND));
    await eventually(async () => (await pageCount()) === 1);
    expect(await headlines()).not.toContain('冠县复工达产再提速');
  });

  it('shows hostile seed text as text, never as markup', async () => {
    const hostile = [
      '<script>alert(1)</script>高唐县新建公园',
      '',
      '本报讯(记者 张浩)记者7月6日从高唐县了解到,<img src=x onerror=alert(1)>全县新建公园3个,<b>总投资</b>1.2亿元。',
    ].join('\n');
    writeFileSync(path.join(dir, 'hostile.txt'), hostile);
    type Listed = { id: string; headline: string | null };
    let story: Listed | undefined;
    await eventually(async () => {
      story = (await allArticles<Listed>()).find((a) => a.headline?.includes('新建公园'));
      return story !== undefined;
    });
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      // networkidle: the dev toolbar has loaded, so the check below meets
      // its h1 elements (in a shadow root, which locators pierce) every run,
      // not only when it wins the race; hence the scoping to <main>.
      await page.goto(`${base}/articles/${story?.id}/`, { waitUntil: 'networkidle' });
      // The characters are there to read, as text …
      await expect(page.locator('main h1').textContent()).resolves.toBe('<script>alert(1)</script>高唐县新建公园');
      await expect(page.locator('main .body').textContent()).resolves.toContain(
        '<img src=x onerror=alert(1)>全县新建公园3个,<b>总投资</b>',
      );
      // … and none of them became an element or ran.
      await expect(page.locator('img[src="x"], main .body b, main h1 script').count()).resolves.toBe(0);
      expect(dialogs).toEqual([]);
      // The same in search results and their snippets.
      await page.goto(`${base}/search/?q=新建公园`, { waitUntil: 'domcontentloaded' });
      await page.waitForSelector('#search-results > li', { timeout: 45_000 });
      await expect(page.locator('#search-results a.headline').first().textContent()).resolves.toBe(
        '<script>alert(1)</script>高唐县新建公园',
      );
      await expect(page.locator('#search-results p').first().textContent()).resolves.toContain(
        '<img src=x onerror=alert(1)>',
      );
      await expect(
        page.locator('#search-results img, #search-results script, #search-results b').count(),
      ).resolves.toBe(0);
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
