/**
 * The content loader without Astro: an in-memory store stands in for the data
 * store, so digests, the parser version, removed seeds and bad files can be
 * checked directly.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LoaderContext } from 'astro/loaders';
import { seedLoader } from '../../src/lib/content/seed-loader.ts';
import { movedArticlesLoader } from '../../src/lib/content/moved-loader.ts';
import { clearParseCache, heldParses, parseCount } from '../../src/lib/parse-cache.ts';
import { SEEDS_DIR, parsedSeed, seed } from '../helpers/seeds.ts';
import { makeCorpus } from '../../src/lib/corpus.ts';
import { idLedgerIntegration } from '../../src/lib/content/id-ledger-integration.ts';
import { pageIdOf } from '../../src/lib/parser/page-id.ts';
import { IdLedger } from '../../src/lib/id-ledger.ts';
import { positionInId } from '../../src/lib/parser/story-id.ts';

/** Story ids in their order on the page. */
const byPosition = (a: string, b: string) => (positionInId(a) ?? 0) - (positionInId(b) ?? 0);

interface Entry {
  id: string;
  data: Record<string, unknown>;
  digest?: string | number;
}

function fakeContext(root: string, metaValues = new Map<string, string>()) {
  const entries = new Map<string, Entry>();
  const log: string[] = [];
  let writes = 0;
  const ctx = {
    collection: 'test',
    config: { root: pathToFileURL(`${root}/`) },
    logger: {
      info: (m: string) => log.push(`info ${m}`),
      warn: (m: string) => log.push(`warn ${m}`),
      error: (m: string) => log.push(`error ${m}`),
    },
    meta: {
      get: (k: string) => metaValues.get(k),
      set: (k: string, v: string) => void metaValues.set(k, v),
      has: (k: string) => metaValues.has(k),
      delete: (k: string) => void metaValues.delete(k),
    },
    store: {
      get: (id: string) => entries.get(id),
      set: (e: Entry) => {
        if (entries.get(e.id)?.digest === e.digest) return false;
        entries.set(e.id, e);
        writes++;
        return true;
      },
      delete: (id: string) => void entries.delete(id),
      clear: () => entries.clear(),
      keys: () => [...entries.keys()],
      values: () => [...entries.values()],
      entries: () => [...entries.entries()],
      has: (id: string) => entries.has(id),
      addModuleImport: () => undefined,
    },
    generateDigest: (data: unknown) => createHash('sha1').update(JSON.stringify(data)).digest('hex'),
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
  } as unknown as LoaderContext;
  return { ctx, entries, log, meta: metaValues, writes: () => writes };
}

/** What `astro build` does once every page is built: the id ledger integration's hook. Returns what it warned. */
async function buildDone(): Promise<string[]> {
  const warned: string[] = [];
  const hook = idLedgerIntegration().hooks['astro:build:done'];
  const logger = { warn: (m: string) => warned.push(m) };
  await hook?.({ logger } as unknown as Parameters<NonNullable<typeof hook>>[0]);
  return warned;
}

function projectWith(files: string[]) {
  const root = mkdtempSync(path.join(tmpdir(), 'site-'));
  const seeds = path.join(root, 'seeds');
  mkdirSync(seeds);
  for (const f of files) copyFileSync(path.join(SEEDS_DIR, seed(f).file), path.join(seeds, seed(f).file));
  return { root, seeds };
}

describe('the seed loader', () => {
  it('stores every article of every seed, validated and keyed by id', async () => {
    const { root } = projectWith(['000', '003']);
    const { ctx, entries } = fakeContext(root);
    await seedLoader({ base: 'seeds', kind: 'articles' }).load(ctx);
    expect(entries.size).toBe(8 + 7);
    const pages = fakeContext(root);
    await seedLoader({ base: 'seeds', kind: 'pages' }).load(pages.ctx);
    expect([...pages.entries.keys()].sort()).toEqual(['000_84d0d68a418f73b1', '003_fe8a0c6fe09a0cab']);
  });

  it('rewrites nothing when nothing changed, and drops the records of a removed seed', async () => {
    const { root, seeds } = projectWith(['000', '001']);
    const meta = new Map<string, string>();
    const first = fakeContext(root, meta);
    await seedLoader({ base: 'seeds', kind: 'articles' }).load(first.ctx);
    const writes = first.writes();
    // The same store and meta, as Astro keeps them between builds.
    await seedLoader({ base: 'seeds', kind: 'articles' }).load(first.ctx);
    expect(first.writes()).toBe(writes);
    rmSync(path.join(seeds, seed('001').file));
    await seedLoader({ base: 'seeds', kind: 'articles' }).load(first.ctx);
    expect(first.entries.size).toBe(8);
  });

  it('starts from an empty store when the parser version changed', async () => {
    const { root } = projectWith(['000']);
    const meta = new Map([['parser-version', 'an-older-parser']]);
    const { ctx, entries } = fakeContext(root, meta);
    entries.set('stale', { id: 'stale', data: {} });
    await seedLoader({ base: 'seeds', kind: 'articles' }).load(ctx);
    expect(entries.has('stale')).toBe(false);
    expect(meta.get('parser-version')).not.toBe('an-older-parser');
  });

  it('reports a bad seed by name and loads the rest', async () => {
    const { root, seeds } = projectWith(['000']);
    writeFileSync(path.join(seeds, 'broken.txt'), new Uint8Array([0, 1, 2, 0]));
    const { ctx, entries, log } = fakeContext(root);
    await seedLoader({ base: 'seeds', kind: 'pages' }).load(ctx);
    expect(entries.size).toBe(1);
    expect(log).toContainEqual(
      'warn broken.txt：无法读取，已跳过：文件里有 NUL 字节，是二进制文件，不是版面文字：请导出为 .txt 文本',
    );
  });
});

describe('what the build log tells an editor', () => {
  it('repeats, in Chinese, a sidecar’s problems, a correction it could not apply and a file name’s impossible date', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'site-'));
    const seeds = path.join(root, 'seeds');
    mkdirSync(seeds);
    writeFileSync(path.join(seeds, '2025-02-30_A1.txt'), seed('001').text);
    writeFileSync(
      path.join(seeds, '2025-02-30_A1.meta.json'),
      JSON.stringify({ edtion: '聊城日报', corrections: { 'no-such-story': { headline: '新标题' } } }, null, 2),
    );
    const { ctx, log } = fakeContext(root);
    await seedLoader({ base: 'seeds', kind: 'pages' }).load(ctx);
    expect(log).toEqual([
      'warn 2025-02-30_A1.txt：2025-02-30_A1.meta.json 第 2 行：不认识的字段「edtion」，已忽略（是不是「edition」？）',
      'warn 2025-02-30_A1.txt：文件名里的日期「2025-02-30」不存在（2025年2月只有28天），没有使用；版次 A1 照常读取：请改正文件名里的日期，或在附注文件里写 date',
      'warn 2025-02-30_A1.txt：2025-02-30_A1.meta.json 第 4 行：这一版没有编号为 no-such-story 的稿件，这条更正未应用：请对照 npm run check:seeds 列出的稿件编号改正',
    ]);
  });
});

describe('files whose names once gave one page id', () => {
  it('each keep their own records, and removing one leaves the other whole', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'site-'));
    const seeds = path.join(root, 'seeds');
    mkdirSync(seeds);
    writeFileSync(path.join(seeds, '聊城日报_2025.07.08_05.txt'), seed('000').text);
    writeFileSync(path.join(seeds, '大众日报_2025.07.08_05.txt'), seed('001').text);
    const meta = new Map<string, string>();
    const pages = fakeContext(root, meta);
    const articles = fakeContext(root, new Map());
    await seedLoader({ base: 'seeds', kind: 'pages' }).load(pages.ctx);
    await seedLoader({ base: 'seeds', kind: 'articles' }).load(articles.ctx);
    expect(pages.entries.size).toBe(2);
    expect(articles.entries.size).toBe(8 + 10);
    rmSync(path.join(seeds, '大众日报_2025.07.08_05.txt'));
    await seedLoader({ base: 'seeds', kind: 'pages' }).load(pages.ctx);
    await seedLoader({ base: 'seeds', kind: 'articles' }).load(articles.ctx);
    expect(pages.entries.size).toBe(1);
    expect(articles.entries.size).toBe(8);
  });

  it('refuses a name that is another file’s id, naming both, and keeps the first', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'site-'));
    const seeds = path.join(root, 'seeds');
    mkdirSync(seeds);
    writeFileSync(path.join(seeds, 'Dup-A.txt'), seed('000').text);
    writeFileSync(path.join(seeds, `${pageIdOf('Dup-A.txt')}.txt`), seed('001').text);
    const { ctx, entries, log } = fakeContext(root);
    await seedLoader({ base: 'seeds', kind: 'pages' }).load(ctx);
    expect([...entries.values()].map((e) => e.data.file)).toEqual(['Dup-A.txt']);
    expect(log).toContainEqual(
      `error ${pageIdOf('Dup-A.txt')}.txt：它的页面编号 ${pageIdOf('Dup-A.txt')} 已被 Dup-A.txt 使用，未发布：请给这两个文件中的一个改名`,
    );
  });
});

describe('incremental rebuilds', () => {
  it('re-parses only the seed that changed, and everything after a parser change', async () => {
    const { root, seeds } = projectWith(['000', '001', '002']);
    const meta = new Map<string, string>();
    const build = fakeContext(root, meta);
    const load = () => seedLoader({ base: 'seeds', kind: 'articles' }).load(build.ctx);
    clearParseCache();
    let before = parseCount();
    await load();
    expect(parseCount() - before).toBe(3);

    // A new build process: nothing changed, nothing is parsed.
    clearParseCache();
    before = parseCount();
    await load();
    expect(parseCount() - before).toBe(0);
    expect(build.entries.size).toBe(8 + 10 + 9);

    // One seed changed: only it is parsed again.
    const file = path.join(seeds, seed('001').file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('淘汰落后产能企业165家', '淘汰落后产能企业166家'));
    clearParseCache();
    before = parseCount();
    await load();
    expect(parseCount() - before).toBe(1);
    expect([...build.entries.values()].some((e) => e.data.headline === '淘汰落后产能企业166家')).toBe(true);

    // A different parser: everything is parsed again.
    meta.set('parser-version', 'an-older-parser');
    clearParseCache();
    before = parseCount();
    await load();
    expect(parseCount() - before).toBe(3);
  });
});

describe('a page copied under a second name', () => {
  it('is published once, the copy refused by name; deleting the kept file publishes the copy', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'site-'));
    const seeds = path.join(root, 'seeds');
    mkdirSync(seeds);
    writeFileSync(path.join(seeds, '2025-07-08_A3.txt'), seed('000').text);
    writeFileSync(path.join(seeds, '2025-07-08_A3 - 副本.txt'), seed('000').text.replace(/\n/gu, '\r\n'));
    const meta = new Map<string, string>();
    const pages = fakeContext(root, meta);
    const articles = fakeContext(root, new Map());
    await seedLoader({ base: 'seeds', kind: 'pages' }).load(pages.ctx);
    await seedLoader({ base: 'seeds', kind: 'articles' }).load(articles.ctx);
    expect([...pages.entries.values()].map((e) => e.data.file)).toEqual(['2025-07-08_A3.txt']);
    expect(articles.entries.size).toBe(8);
    expect(pages.log).toContainEqual(
      'error 2025-07-08_A3 - 副本.txt：与 2025-07-08_A3.txt 文字相同，是同一版，只发布 2025-07-08_A3.txt。' +
        '如果是复制出来的，请删掉 2025-07-08_A3 - 副本.txt；如果确实是另一版（隔天重登的公告、另一份报纸的版面），' +
        '请在它的文件名或附注文件里写明日期、报名或版次，两版就都会发布',
    );
    rmSync(path.join(seeds, '2025-07-08_A3.txt'));
    await seedLoader({ base: 'seeds', kind: 'pages' }).load(pages.ctx);
    expect([...pages.entries.values()].map((e) => e.data.file)).toEqual(['2025-07-08_A3 - 副本.txt']);
  });

  it('in astro dev, is refused the moment it is saved, and published when the original goes', async () => {
    const { root, seeds } = projectWith(['000', '001']);
    const handlers = new Map<string, (p: string) => void>();
    const watcher = { add: () => undefined, on: (event: string, fn: (p: string) => void) => handlers.set(event, fn) };
    const dev = fakeContext(root);
    const ctx = { ...dev.ctx, watcher } as unknown as LoaderContext;
    await seedLoader({ base: 'seeds', kind: 'articles' }).load(ctx);
    expect(dev.entries.size).toBe(8 + 10);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

    const copy = path.join(seeds, 'zz-copy.txt');
    writeFileSync(copy, seed('001').text);
    handlers.get('add')?.(copy);
    await settle();
    expect(dev.entries.size).toBe(8 + 10);

    const original = path.join(seeds, seed('001').file);
    rmSync(original);
    handlers.get('unlink')?.(original);
    await settle();
    expect(dev.entries.size).toBe(8 + 10);
    expect([...dev.entries.keys()].filter((id) => id.startsWith('zz-copy-'))).toHaveLength(10);
  });
});

describe('the moved-articles loader', () => {
  it('stores each old id the ledger knows as a redirect to its story’s new id, and a build writes the ledger', async () => {
    const { root, seeds } = projectWith(['000']);
    const file = seed('000').file;
    // Published under parser 1.2.0, when ids were a hash of the opening words.
    const ledger = JSON.parse(readFileSync(path.join(SEEDS_DIR, 'ids.json'), 'utf8')) as {
      pages: Record<string, Record<string, { title: string; sketch: string; movedTo?: string }>>;
    };
    const old = Object.fromEntries(
      Object.entries(ledger.pages[file] ?? {}).filter(([id]) => !/-\d+[a-z]{2}$/u.test(id)),
    );
    writeFileSync(path.join(seeds, 'ids.json'), JSON.stringify({ pages: { [file]: old } }));
    const published = readFileSync(path.join(seeds, 'ids.json'));
    const { ctx, entries, log } = fakeContext(root);
    await movedArticlesLoader({ base: 'seeds' }).load(ctx);
    expect(log.filter((l) => !l.startsWith('info'))).toEqual([]);
    expect(entries.get('000_84d0d68a418f73b1-1ib39fn')?.data).toEqual({ to: '000_84d0d68a418f73b1-1wk' });
    expect(entries.size).toBe(Object.keys(old).length);
    // The loader runs in astro check, astro sync and astro dev too: it leaves the file alone …
    expect(readFileSync(path.join(seeds, 'ids.json'))).toEqual(published);
    // … and only a build, once done, writes what it staged.
    expect(await buildDone()).toEqual([]);
    const written = JSON.parse(readFileSync(path.join(seeds, 'ids.json'), 'utf8')) as typeof ledger;
    expect(written.pages[file]?.['000_84d0d68a418f73b1-1ib39fn']?.movedTo).toBe('000_84d0d68a418f73b1-1wk');
    expect(written.pages[file]?.['000_84d0d68a418f73b1-1wk']?.title).toBe('领跑亩均效益 保供应急物资');
    rmSync(root, { recursive: true, force: true });
  });

  it('agrees with the site on the copies it refuses: a copy never enters the ledger, and when a sidecar makes the copy the page published, the old ids redirect to it', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'site-'));
    const seeds = path.join(root, 'seeds');
    mkdirSync(seeds);
    const original = '2025-07-08_A3.txt';
    const copy = '2025-07-08_A3 - 副本.txt';
    writeFileSync(path.join(seeds, original), seed('000').text);
    writeFileSync(path.join(seeds, copy), seed('000').text.replace(/\n/gu, '\r\n'));
    const meta = new Map<string, string>();
    const first = fakeContext(root, meta);
    await movedArticlesLoader({ base: 'seeds' }).load(first.ctx);
    await buildDone();
    const readLedger = () => IdLedger.parse(JSON.parse(readFileSync(path.join(seeds, 'ids.json'), 'utf8')));
    const published = readLedger();
    expect(Object.keys(published.pages)).toEqual([original]);
    const oldIds = Object.keys(published.pages[original] ?? {});
    expect(oldIds).toHaveLength(8);

    // The editor adds a sidecar to the copy: it is now the page published, and the original is refused.
    writeFileSync(path.join(seeds, '2025-07-08_A3 - 副本.meta.json'), '{ "section": "要闻" }\n');
    const second = fakeContext(root, meta);
    await movedArticlesLoader({ base: 'seeds' }).load(second.ctx);
    await buildDone();
    const copyIds = Object.keys(readLedger().pages[copy] ?? {}).sort(byPosition);
    expect(copyIds).toHaveLength(8);
    expect(oldIds.sort(byPosition).map((id) => second.entries.get(id)?.data)).toEqual(copyIds.map((to) => ({ to })));
    rmSync(root, { recursive: true, force: true });
  });

  it('makes no redirect page for a ledger key that is not a story id (a route parameter must not hold / or ..)', async () => {
    const { root, seeds } = projectWith(['000']);
    const file = seed('000').file;
    const entry = { title: '领跑亩均效益 保供应急物资', sketch: '', movedTo: '000_84d0d68a418f73b1-1wk' };
    const ledger = { pages: { [file]: { 'a/b': entry, '../../x': entry, '000_84d0d68a418f73b1-1ib39fn': entry } } };
    writeFileSync(path.join(seeds, 'ids.json'), JSON.stringify(ledger));
    const { ctx, entries, log } = fakeContext(root);
    await movedArticlesLoader({ base: 'seeds' }).load(ctx);
    expect([...entries.keys()]).toEqual(['000_84d0d68a418f73b1-1ib39fn']);
    expect(log).toEqual([
      'warn ids.json：「../../x」不是稿件编号，不为它生成跳转页',
      'warn ids.json：「a/b」不是稿件编号，不为它生成跳转页',
    ]);
    // Written as a build would, before the folder goes: no ledger is left staged for a folder that is gone.
    await buildDone();
    rmSync(root, { recursive: true, force: true });
  });

  it('parses each seed once on a first build, however many loaders ask for it at once', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'site-'));
    const seeds = path.join(root, 'seeds');
    mkdirSync(seeds);
    // Enough pages for the worker pools (a first build of a real archive).
    const sources = ['000', '001', '002', '003', '004'].flatMap((p) => parsedSeed(p).articles);
    const pages = makeCorpus(sources, { pages: 16, seed: 7 });
    for (const p of pages) writeFileSync(path.join(seeds, p.file), p.bytes);
    clearParseCache();
    const before = parseCount();
    // As Astro's content layer runs them: every collection's loader at once.
    await Promise.all([
      seedLoader({ base: 'seeds', kind: 'articles' }).load(fakeContext(root).ctx),
      seedLoader({ base: 'seeds', kind: 'pages' }).load(fakeContext(root).ctx),
      movedArticlesLoader({ base: 'seeds' }).load(fakeContext(root).ctx),
    ]);
    expect(parseCount() - before).toBe(pages.length);
    // Once every loader has its records, no parse is held: the content store is the only copy.
    expect(heldParses()).toBe(0);
    // Written as a build would, before the folder goes: no ledger is left staged for a folder that is gone.
    await buildDone();
    rmSync(root, { recursive: true, force: true });
  });

  it('reports a broken ledger, still builds, and leaves it as it was', async () => {
    const { root, seeds } = projectWith(['000']);
    writeFileSync(path.join(seeds, 'ids.json'), '{ "pages": ');
    const { ctx, entries, log } = fakeContext(root);
    await movedArticlesLoader({ base: 'seeds' }).load(ctx);
    expect(entries.size).toBe(0);
    expect(log).toEqual([expect.stringMatching(/^warn ids\.json：不是有效的 JSON/u)]);
    expect(readFileSync(path.join(seeds, 'ids.json'), 'utf8')).toBe('{ "pages": ');
    rmSync(root, { recursive: true, force: true });
  });
});
