/**
 * The whole site built from a seeds folder holding every kind of bad input
 * at once (issue 9), beside the five seeds: it builds, every line of every
 * readable file is in the output, nothing outside the folder is read, and
 * the feed is XML that hands readers text, never markup.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/lib/parser/decode.ts';
import { parsePage } from '../../src/lib/parser/index.ts';
import { HOSTILE_SHAPES } from '../../src/lib/hostile-pages.ts';
import { Article, Page } from '../../src/lib/schema.ts';
import { lostLines } from '../helpers/seeds.ts';
import { launch } from './browser.ts';
import { astroEnv, tempProject } from './temp-project.ts';

const SEEDS = path.resolve('seeds');
const seedNames = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
const seedText = (prefix: string) =>
  readFileSync(path.join(SEEDS, seedNames.find((f) => f.startsWith(prefix)) ?? ''), 'utf8');
const MARKER = 'SECRET-MARKER-9c41';
/**
 * Half a seed (its first or second half, by paragraphs): a page of its own,
 * never a copy of the seed or of the other half, which the build would refuse.
 */
function half(prefix: string, which: 0 | 1): string {
  const blocks = seedText(prefix).split(/\n\s*\n/u);
  const cut = Math.ceil(blocks.length / 2);
  return (which === 0 ? blocks.slice(0, cut) : blocks.slice(cut)).join('\n\n');
}
/** The one copy in the folder: the page the merge sidecar corrects is seed 004 saved again, so seed 004 is refused. */
const COPY = '004_60e1bf30824b9f36.txt';

const { root, seeds } = tempProject('bad-seeds-');
const dist = path.join(root, 'dist');
const outside = mkdtempSync(path.join(tmpdir(), 'outside-'));
let build: ReturnType<typeof spawnSync>;

/** Every file under a folder, recursively. */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

function writeBadSeeds() {
  for (const f of seedNames) copyFileSync(path.join(SEEDS, f), path.join(seeds, f));
  const write = (name: string, content: string | Uint8Array) => writeFileSync(path.join(seeds, name), content);
  const bom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(s)]);

  // 1. Names that once gave one page id.
  const hostile = [
    '东昌府区<img src=x onerror=alert(1)>\u001b活动',
    '',
    '本报讯(记者 张三)东昌府区日前举办\u000b活动，<img src="http://tracker.example/p.gif">吸引\u000c市民参加。',
  ].join('\n');
  write('聊城日报_2026.11.20_05.txt', hostile);
  write('大众日报_2026.11.20_05.txt', half('001', 0));
  write('dup a.txt', half('002', 0));
  write('dup-a.txt', half('003', 0));
  write('Dup-A.txt', half('000', 0));
  // 2. One stray byte, and a lone surrogate.
  const damaged = new TextEncoder().encode(half('002', 1));
  damaged[500] = 0xff;
  write('damaged.txt', damaged);
  write('surrogate.txt', new Uint8Array([...new TextEncoder().encode('聊城日报讯 东昌府区'), 0xed, 0xa0, 0x80]));
  // 3. A merge on the story before 「□记者 李梦 报道」, in a sidecar with a BOM.
  const merged = seedText('004');
  write('merge.txt', merged);
  const photo = parsePage({ file: 'merge.txt', text: merged }).articles.find((a) => a.source.startLine === 37);
  write('merge.meta.json', bom(JSON.stringify({ corrections: { [photo?.id ?? '']: { mergeWithNext: true } } })));
  // 4. Sidecars in UTF-16, with a date the records cannot hold, and one that is a folder.
  write('utf16.txt', half('000', 1));
  write('utf16.meta.json', iconv.encode(JSON.stringify({ page: 'A3' }), 'utf-16le', { addBOM: true }));
  write('old.txt', half('003', 1));
  write('old.meta.json', JSON.stringify({ date: '1899-12-31' }));
  write('folder.txt', half('001', 1));
  mkdirSync(path.join(seeds, 'folder.meta.json'));
  // 5. Links out of the folder.
  writeFileSync(path.join(outside, 'passwd'), `root:x:0:0:${MARKER}:/root:/bin/bash\n聊城 ${MARKER}\n`);
  symlinkSync(path.join(outside, 'passwd'), path.join(seeds, 'passwd.txt'));
  write('linked.txt', half('004', 0));
  symlinkSync(path.join(outside, 'passwd'), path.join(seeds, 'linked.meta.json'));
  // 6 and 7. Pages that stalled or crashed the parser and the build (smaller than bench:parse's, same shapes).
  write('jumps.txt', '（下转第8版）'.repeat(6000));
  for (const [i, make] of Object.values(HOSTILE_SHAPES).entries()) write(`hostile-${i}.txt`, make(100_000));
  write('one-line.txt', half('004', 1).replace(/\n+/gu, ' ').repeat(20));
}

beforeAll(() => {
  writeBadSeeds();
  build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: root,
    env: astroEnv({ SEEDS_DIR: 'seeds' }),
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
}, 900_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const json = (file: string): unknown => JSON.parse(readFileSync(path.join(dist, file), 'utf8'));

describe('a build from a folder of bad seeds', () => {
  it('succeeds, naming the skipped files', () => {
    expect(build.status, String(build.stderr).slice(-2000)).toBe(0);
    const log = `${String(build.stdout)}${String(build.stderr)}`;
    expect(log).toContain('passwd.txt：无法读取，已跳过：是指向 seeds 文件夹以外的文件的链接，没有读取');
    // A page saved twice is published once, the copy with the sidecar kept, both files named.
    expect(log).toContain(`${COPY}：与 merge.txt 文字相同，是同一版，只发布 merge.txt。`);
  });

  it('keeps every line of every readable file', () => {
    const pageFiles = readdirSync(path.join(dist, 'api/pages')).filter((f) => f.endsWith('.json'));
    const pages = pageFiles
      .flatMap((f) => (json(`api/pages/${f}`) as { pages: unknown[] }).pages)
      .map((p) => Page.parse({ ...(p as object), warnings: [] }));
    const articleFiles = readdirSync(path.join(dist, 'api/articles')).filter((f) => f.endsWith('.json'));
    const articles = new Map(
      articleFiles
        .flatMap((f) => (json(`api/articles/${f}`) as { articles: unknown[] }).articles)
        .map((a) => Article.parse(a))
        .map((a) => [a.id, a]),
    );
    const readable = readdirSync(seeds).filter((f) => f.endsWith('.txt') && f !== 'passwd.txt' && f !== COPY);
    expect(pages.map((p) => p.file).sort()).toEqual(readable.sort());
    for (const file of readable) {
      const decoded = decodeBytes(readFileSync(path.join(seeds, file)));
      if (!decoded.ok) throw new Error(`${file}: ${decoded.message}`);
      const page = pages.find((p) => p.file === file);
      if (!page) throw new Error(`${file}: no page`);
      const own = page.articleIds.map((id) => articles.get(id)).filter((a) => a !== undefined);
      expect(own.length, file).toBe(page.articleIds.length);
      expect(lostLines(decoded.text, { page, articles: own }), file).toEqual([]);
    }
  });

  it('reads nothing outside the folder, and keeps editors’ warnings out of the public API', () => {
    for (const file of walk(dist)) {
      const text = readFileSync(file, 'latin1');
      expect(text.includes(MARKER) || text.includes('root:x:0:0'), file).toBe(false);
    }
    for (const f of readdirSync(path.join(dist, 'api/pages'))) {
      expect(readFileSync(path.join(dist, 'api/pages', f), 'utf8')).not.toMatch(/"warnings"/u);
    }
  });

  it('writes a feed that parses as XML and gives readers text, never markup', async () => {
    const xml = readFileSync(path.join(dist, 'rss.xml'), 'utf8');
    expect(xml).toContain('东昌府区');
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const result = await page.evaluate((source) => {
        const doc = new DOMParser().parseFromString(source, 'application/xml');
        const texts = [...doc.querySelectorAll('item > title, item > description')].map((n) => n.textContent ?? '');
        return { error: doc.querySelector('parsererror')?.textContent ?? null, texts };
      }, xml);
      expect(result.error).toBeNull();
      expect(result.texts.some((t) => t.includes('onerror'))).toBe(true);
      // What a reader decodes is text: no tag survives the feed's own XML decoding.
      for (const t of result.texts) expect(t).not.toMatch(/<[a-z/]/iu);
    } finally {
      await browser.close();
    }
  });
});
