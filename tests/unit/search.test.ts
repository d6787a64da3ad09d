/**
 * The search engine on an index built in memory from the five seeds: pinyin
 * typed with spaces or capitals, pinyin and same-sound typos reaching every
 * word of every story, the suggestion for a wrong character, why a name
 * matched, and filters without words.
 */
import { describe, expect, it } from 'vitest';
import { parseSeedDir } from '../../src/lib/seeds.ts';
import { buildSearchIndex, impactOf, type BuiltIndex } from '../../src/lib/search/build.ts';
import { SearchEngine, readPinyin, stitch, type Loader } from '../../src/lib/search/engine.ts';
import type { Article } from '../../src/lib/schema.ts';
import { findMarks } from '../../src/lib/search/marks.ts';
import { bigrams, fold, parseQuery } from '../../src/lib/search/normalize.ts';
import { readWordShard } from '../../src/lib/search/format.ts';
import { indexFiles } from '../../src/lib/search/files.ts';
import { readBigFile, writeBigFile } from '../../src/lib/search/postings.ts';
import { collectPeople } from '../../src/lib/site/people.ts';

const articles = parseSeedDir('seeds')
  .flatMap((r) => (r.ok ? r.parsed.articles : []))
  .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
/** The site's files of a built index, served from memory (files.ts indexFiles). */
export function filesOf(built: BuiltIndex): Loader & { fetched: string[] } {
  const files = new Map(indexFiles(built));
  const fetched: string[] = [];
  const get = (path: string) => {
    const contents = files.get(path);
    if (contents === undefined) throw new Error(`no ${path}`);
    fetched.push(path);
    return contents;
  };
  return {
    fetched,
    json: async <T>(path: string) => JSON.parse(get(path) as string) as T,
    bytes: async (path: string) => get(path) as Uint8Array,
  };
}
const index = buildSearchIndex(articles);
const engine = new SearchEngine(filesOf(index));

/** An engine over an index built with given search numbers, as the site builds it (id-ledger.ts searchNumbers). */
const engineWith = (numbers: ReadonlyMap<string, number>) =>
  new SearchEngine(filesOf(buildSearchIndex(articles, undefined, numbers)));
const ids = async (q: string) => (await engine.search(q)).hits.map((h) => h.id).sort();
/** Stories whose text holds a word as printed. */
const holding = (word: string) =>
  articles.filter((a) =>
    [a.headline ?? '', a.kicker ?? '', a.standfirst ?? '', ...a.paragraphs, ...a.captions].some((t) =>
      t.includes(word),
    ),
  );

describe('pinyin', () => {
  const known = new Set(index.manifest.syllables);

  it('joins letters typed with spaces into one pinyin word when a part is one syllable', () => {
    expect(readPinyin(parseQuery('lin qing'), known).map((w) => w.syllables)).toEqual([['lin', 'qing']]);
    expect(readPinyin(parseQuery('Zhou Cheng'), known).map((w) => w.syllables)).toEqual([['zhou', 'cheng']]);
    expect(readPinyin(parseQuery('wang junhao'), known).map((w) => w.syllables)).toEqual([['wang', 'jun', 'hao']]);
    // Two whole pinyin words stay two words (both must match); English stays English.
    expect(readPinyin(parseQuery('linqing zhoucheng'), known).map((w) => w.text)).toEqual(['linqing', 'zhoucheng']);
    expect(readPinyin(parseQuery('app 2024'), known).map((w) => w.syllables)).toEqual([null, null]);
  });

  it('finds by pinyin every story that holds the word, in its body too (zhoucheng = 轴承)', async () => {
    const bearing = await ids('轴承');
    expect(bearing.length).toBe(holding('轴承').length);
    expect(bearing.length).toBeGreaterThanOrEqual(4);
    for (const q of ['zhoucheng', 'zhou cheng', 'Zhou Cheng', 'ZhouCheng']) expect(await ids(q)).toEqual(bearing);
    const linqing = await ids('linqing');
    expect(linqing).toEqual(await ids('lin qing'));
    expect(linqing).toEqual(await ids('临清'));
  });

  it('marks the Han words a pinyin query found, and carries them into the story', async () => {
    const r = await engine.search('zhoucheng');
    const hit = r.hits[0];
    expect(hit?.snippetMarks.map((m) => hit.snippet.slice(m.start, m.end))).toContain('轴承');
    expect(hit?.words).toContain('轴承');
  });

  it('keeps the vocabulary by sound to two-character words the postings hold', () => {
    const files = index.words.map((bytes) => readWordShard(bytes, index.manifest.syllables));
    const sounds = new Map(files.flatMap((f) => [...f.sounds]));
    expect(sounds.size).toBeGreaterThan(1000);
    expect(sounds.get('zhou cheng')).toContainEqual(['轴承', holding('轴承').length]);
    for (const words of sounds.values()) for (const [word] of words) expect(word).toMatch(/^\p{Script=Han}{2}$/u);
    const readings = new Map(files.flatMap((f) => [...f.readings]));
    expect(readings.get('乘')).toEqual(expect.arrayContaining(['cheng', 'sheng']));
  });
});

describe('a wrong character', () => {
  it('offers the index’s own word of the same sound: 轴乘 → 轴承, 防迅 → 防汛, 葡淘 → 葡萄', async () => {
    for (const [typed, meant] of [
      ['轴乘', '轴承'],
      ['防迅', '防汛'],
      ['葡淘', '葡萄'],
    ] as const) {
      const r = await engine.search(typed);
      expect(r.suggestion, typed).toBe(meant);
      expect(r.hits.map((h) => h.id).sort()).toEqual(await ids(meant));
    }
  });

  it('corrects only the wrong word of a query, and offers nothing for a word found as typed', async () => {
    expect((await engine.search('临清 轴乘')).suggestion).toBe('临清 轴承');
    expect((await engine.search('轴承')).suggestion).toBeNull();
    expect((await engine.search('临清 轴承')).suggestion).toBeNull();
  });

  it('stitches a longer word from its pairs, the commonest first', () => {
    expect(
      stitch([
        [
          ['轴承', 4],
          ['周成', 1],
        ],
        [
          ['城市', 9],
          ['承接', 2],
        ],
      ]),
    ).toBe('轴承接');
    expect(stitch([[['轴承', 4]], [['城市', 9]]])).toBeNull();
  });
});

describe('why a story matched', () => {
  it('shows the byline with the name marked and its reporter page slug', async () => {
    const people = collectPeople(articles);
    const zhang = people.find((p) => p.name === '张浩');
    const r = await engine.search('张浩');
    expect(r.hits.length).toBeGreaterThan(0);
    for (const hit of r.hits) {
      const name = hit.byline?.find((c) => c.name === '张浩');
      expect(name?.slug).toBe(zhang?.slug);
      expect(name?.marks).toEqual([{ start: 0, end: 2 }]);
    }
    // A word that is no one's name shows no byline.
    expect((await engine.search('轴承')).hits.every((h) => h.byline === null)).toBe(true);
  });

  it('marks overlapping words as one: 王军 and 军豪 mark 王军豪', () => {
    const words = ['王军', '军豪'].map((text) => ({ text, single: null }));
    expect(findMarks('记者 王军豪', words)).toEqual([{ start: 3, end: 6 }]);
  });
});

describe('filters without words', () => {
  it('lists every story of a county, newest first, from the county’s bitmap and the days', async () => {
    const files = filesOf(index);
    const r = await new SearchEngine(files).search('', { county: 'linqing' });
    const linqing = index.manifest.counties.findIndex((c) => c.slug === 'linqing');
    expect(files.fetched).toEqual(expect.arrayContaining([`filters/c${linqing}.bin`, 'days.bin', 'sample.bin']));
    expect(r.match).toBe('filters');
    expect(r.total).toBe(articles.filter((a) => a.county?.slug === 'linqing').length);
    expect(r.total).toBeGreaterThan(0);
    const dates = r.hits.map((h) => h.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(r.hits.every((h) => h.county === '临清市')).toBe(true);
  });

  it('lists newest first by date, whatever the stories’ search numbers, and never a deleted story’s number', async () => {
    // Numbers against the dates (the newest story has 0, as a story added to an old page takes the next number), every third one left empty.
    const numbers = new Map(articles.map((a, i) => [a.id, i * 3]));
    const numbered = engineWith(numbers);
    const r = await numbered.search('', { county: 'linqing' });
    expect(r.total).toBe(articles.filter((a) => a.county?.slug === 'linqing').length);
    const dates = r.hits.map((h) => h.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect((await numbered.search('', { kind: 'photo' })).total).toBe(
      articles.filter((a) => a.kind === 'photo').length,
    );
    const word = async (e: SearchEngine) => (await e.search('聊城')).hits.map((h) => h.id).sort();
    expect(await word(numbered)).toEqual(await word(engine));
  });

  it('combines filters, and lists nothing without any', async () => {
    const r = await engine.search('', { kind: 'photo', from: '2025-01-01' });
    expect(r.total).toBe(articles.filter((a) => a.kind === 'photo' && (a.date ?? '') >= '2025-01-01').length);
    expect(r.total).toBeGreaterThan(0);
    expect((await engine.search('')).total).toBe(0);
    expect((await engine.search('')).match).toBe('none');
  });
});

describe('茌平 and its OCR misreading 在平 (issue 12, item 3)', () => {
  it('folds 在平 to 茌平 only where it reads as the place', () => {
    expect(fold('在平区')).toBe('茌平区');
    expect(fold('在平县')).toBe('茌平县');
    expect(fold('在平博平镇')).toBe('茌平博平镇');
    expect(fold('在平杜郎口镇')).toBe('茌平杜郎口镇');
    for (const text of ['现在平均气温', '在平台上', '在平时', '存在平衡']) expect(fold(text)).toBe(text);
  });

  it('finds the place, misread or not, and not 现在平均 or 在平台', async () => {
    const [template] = articles;
    if (!template) throw new Error('no story');
    const story = (id: string, text: string): Article => ({
      ...template,
      id: `${template.id}-${id}`,
      kicker: null,
      headline: text.slice(0, 8),
      subheadline: null,
      standfirst: null,
      paragraphs: [text],
      captions: [],
    });
    const extra = [
      story('avg', '今年现在平均气温比往年高，在平台上发布的数据显示。'),
      story('misread', '在平博平镇的农户今年种植甜叶菊三千亩。'),
    ];
    const withExtra = new SearchEngine(filesOf(buildSearchIndex([...extra, ...articles])));
    const found = (await withExtra.search('茌平')).hits.map((h) => h.id);
    expect(found).toContain(`${template.id}-misread`);
    expect(found).not.toContain(`${template.id}-avg`);
  });
});

describe('a query no story answers whole (issue 12, item 4)', () => {
  it('a sentence typed as one word finds the stories with the most of its terms, as partial matches', async () => {
    const r = await engine.search('聊城今年小麦产量是多少');
    expect(r.match).toBe('partial');
    expect(r.total).toBeGreaterThan(0);
    expect(r.hits[0]?.title).toContain('小麦');
  });

  it('does not look up the sound of a sentence found only in part (a typo is a short word)', async () => {
    const files = filesOf(index);
    const r = await new SearchEngine(files).search('聊城今年小麦产量是多少');
    expect(r.match).toBe('partial');
    expect(files.fetched.filter((f) => f.startsWith('words/'))).toEqual([]);
    expect((await engine.search('防讯')).suggestion).toBe('防汛');
  });

  it('words no story has together give the stories with the most of them, never nothing', async () => {
    expect(holding('轴承').some((a) => holding('小麦').includes(a))).toBe(false);
    const r = await engine.search('轴承 小麦');
    expect(r.match).toBe('partial');
    const found = r.hits.map((h) => h.id);
    for (const a of [...holding('轴承'), ...holding('小麦')]) expect(found).toContain(a.id);
  });

  it('a query every word of which some story has together stays an exact match', async () => {
    expect((await engine.search('临清 小麦')).match).toBe('exact');
    expect((await engine.search('聊城今年小麦产量是多少 临清')).match).toBe('partial');
  });
});

describe('words readers type short (issue 12, item 5)', () => {
  it('24年 finds every story of 2024年, as 2024年 does', async () => {
    const r = await engine.search('24年');
    expect(r.total).toBe(holding('24年').length);
    expect(r.total).toBeGreaterThan(0);
    expect(r.hits.map((h) => h.id).sort()).toEqual((await ids('2024年')).sort());
  });

  it('a wrong character of the right sound is heard in any word of the text, not only a headline’s (防讯 → 防汛, 种量 → 种粮)', async () => {
    // 种粮 is in no headline or kicker: only in the text of two stories.
    expect(articles.some((a) => `${a.headline ?? ''}${a.kicker ?? ''}`.includes('种粮'))).toBe(false);
    for (const [typed, meant] of [
      ['防讯', '防汛'],
      ['种量', '种粮'],
    ] as const) {
      expect(holding(meant).length, meant).toBeGreaterThan(0);
      const r = await engine.search(typed);
      expect(r.match, typed).toBe('pinyin');
      expect(r.suggestion, typed).toBe(meant);
      expect(r.hits.map((h) => h.id).sort(), typed).toEqual(
        holding(meant)
          .map((a) => a.id)
          .sort(),
      );
    }
  });

  it('a Latin word is found where digits follow it (iphone in iPhone15), and the whole still finds it', async () => {
    expect(bigrams('新款iPhone15上市')).toEqual(
      expect.arrayContaining(['iphone', '15', 'iphone 15', '款iphone', '15上']),
    );
    const [template] = articles;
    if (!template) throw new Error('no story');
    const phone: Article = { ...template, id: `${template.id}-phone`, paragraphs: ['新款iPhone15在聊城上市。'] };
    const withPhone = new SearchEngine(filesOf(buildSearchIndex([phone, ...articles])));
    for (const q of ['iphone', 'iPhone15', 'IPHONE 15']) {
      expect(
        (await withPhone.search(q)).hits.map((h) => h.id),
        q,
      ).toContain(phone.id);
    }
  });
});

describe('counts and filters cost what the query’s postings cost (issue 12, item 1)', () => {
  it('a query of few stories counts and filters on the facets read with its postings: no other file', async () => {
    const files = filesOf(index);
    const own = new SearchEngine(files);
    const r = await own.search('轴承', { county: 'linqing' });
    const all = await own.search('轴承');
    expect(r.estimated).toBe(false);
    expect(r.total).toBe(all.facets.county.linqing);
    expect(r.hits.every((h) => h.county === '临清市')).toBe(true);
    expect(files.fetched.filter((f) => !/^(manifest\.json|shards\/|docs\/)/u.test(f))).toEqual([]);
  });

  it('counts each filter’s options as the other filters leave them', async () => {
    const r = await engine.search('发展', { kind: 'news' });
    const news = holding('发展').filter((a) => a.kind === 'news');
    expect(r.total).toBe(news.length);
    expect(r.facets.kind.news).toBe(news.length);
    expect(r.facets.kind.photo ?? 0).toBe(holding('发展').filter((a) => a.kind === 'photo').length);
    const linqing = news.filter((a) => a.county?.slug === 'linqing').length;
    expect(r.facets.county.linqing ?? 0).toBe(linqing);
  });

  it('estimates counts on the sample when a query reaches stories whose facets it did not read, and says so', async () => {
    const sampled = new SearchEngine(filesOf(buildSearchIndex(articles, undefined, undefined, { sample: 16 })));
    const r = await sampled.search('', { county: 'linqing' });
    expect(r.estimated).toBe(true);
    expect(r.total).toBe(articles.filter((a) => a.county?.slug === 'linqing').length);
    const step = Math.ceil(articles.length / 16);
    for (const n of Object.values(r.facets.kind)) expect(n % step).toBe(0);
    expect((await engine.search('', { county: 'linqing' })).estimated).toBe(false);
  });
});

describe('common words (issue 12, item 2)', () => {
  // Every term in more than 8 stories is big: the seeds stand in for a decade's common words.
  const bigIndex = buildSearchIndex(articles, undefined, undefined, { bigAt: 8 });

  it('one common word is answered from its shard alone: best stories, total and counts, no big file', async () => {
    const files = filesOf(bigIndex);
    const common = new SearchEngine(files);
    const r = await common.search('记者');
    expect(files.fetched.filter((f) => !/^(manifest\.json|shards\/|docs\/)/u.test(f))).toEqual([]);
    const reference = await engine.search('记者');
    expect(r.total).toBe(reference.total);
    expect(r.facets).toEqual(reference.facets);
    expect(r.estimated).toBe(false);
    expect(r.hits.map((h) => h.id).sort()).toEqual(reference.hits.map((h) => h.id).sort());
  });

  it('a common word beside a rare one reads the common word’s big file, and finds what the small index finds', async () => {
    const files = filesOf(bigIndex);
    const common = new SearchEngine(files);
    const r = await common.search('记者 轴承');
    expect(files.fetched.some((f) => f.startsWith('big/'))).toBe(true);
    const reference = await engine.search('记者 轴承');
    expect(r.total).toBe(reference.total);
    expect(r.hits.map((h) => h.id).sort()).toEqual(reference.hits.map((h) => h.id).sort());
    expect(r.facets).toEqual(reference.facets);
  });

  it('two common words together are counted exactly, filtered, and sorted by date', async () => {
    const common = new SearchEngine(filesOf(bigIndex));
    const both = holding('记者').filter((a) => holding('发展').includes(a));
    const r = await common.search('记者 发展', { county: 'linqing' }, 'date');
    expect(r.total).toBe(both.filter((a) => a.county?.slug === 'linqing').length);
    const dates = r.hits.map((h) => h.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe('one character (issue 12, item 5)', () => {
  it('finds every story that holds it, in its body too, headlines first', async () => {
    const r = await engine.search('县');
    expect(r.total).toBe(holding('县').length);
    expect(r.hits[0]?.title).toContain('县');
  });
});

describe('ranking (issue 12, item 6)', () => {
  it('counts a word once a part: thirty mentions in a body do not beat a headline', () => {
    const body = (n: number) => impactOf({ title: false, names: false, lead: false, body: n }, 800);
    expect(body(30)).toBeLessThan(body(1) * 2.5);
    expect(body(30)).toBeLessThan(impactOf({ title: true, names: false, lead: false, body: 0 }, 800));
  });

  it('weighs a mention in a short story above one in a long story', () => {
    const once = (length: number) => impactOf({ title: false, names: false, lead: false, body: 1 }, length);
    expect(once(300)).toBeGreaterThan(once(3000));
  });

  it('fetches the documents of one page for Fuse by default, and more only when asked to re-rank more', async () => {
    const docsFetched = async (rerank?: number) => {
      const files = filesOf(index);
      await new SearchEngine(files, rerank ? { rerank } : {}).search('记者');
      return files.fetched.filter((f) => f.startsWith('docs/')).length;
    };
    expect(await docsFetched()).toBe(10);
    expect(await docsFetched(20)).toBe(20);
  });

  it('cuts every page Fuse re-ranks from one order: no story twice, none skipped', async () => {
    const bigIndex = buildSearchIndex(articles, undefined, undefined, { bigAt: 8 });
    const deeper = { rerank: 20 };
    for (const e of [
      engine,
      new SearchEngine(filesOf(bigIndex)),
      new SearchEngine(filesOf(index), deeper),
      new SearchEngine(filesOf(bigIndex), deeper),
    ]) {
      for (const q of ['记者', '发展', '企业', '聊城']) {
        const pages = await Promise.all([0, 1, 2].map((p) => e.search(q, {}, 'relevance', p)));
        const ids = pages.flatMap((r) => r.hits.map((h) => h.id));
        const total = pages[0]?.total ?? 0;
        expect(total, q).toBeGreaterThan(20);
        expect(ids, q).toHaveLength(Math.min(30, total));
        expect(new Set(ids).size, q).toBe(ids.length);
      }
    }
  });

  it('puts a story where a long word stands whole before one where its halves are scattered', async () => {
    const [template] = articles;
    if (!template) throw new Error('no story');
    const story = (id: string, headline: string, paragraphs: string[]): Article => ({
      ...template,
      id,
      headline,
      kicker: null,
      subheadline: null,
      standfirst: null,
      paragraphs,
      captions: [],
    });
    const scattered = story('x-scattered', '应急物流 物资调配', ['应急物流和物资调配。']);
    const whole = story('x-whole', '全市开展演练', ['全市储备应急物资。']);
    const e = new SearchEngine(filesOf(buildSearchIndex([scattered, whole])));
    expect((await e.search('应急物资')).hits.map((h) => h.id)).toEqual(['x-whole', 'x-scattered']);
  });
});

describe('big files (postings.ts)', () => {
  const facets = { county: 0, kind: 0, topics: 0, day: 0 };
  const posting = (doc: number, impact: number) => ({ doc, impact, facets });

  it('keep every story of a term and its impact band', () => {
    const postings = [posting(3, 20), posting(17, 60), posting(40, 100), posting(99, 200)];
    const read = readBigFile(writeBigFile(1000, postings, [40, 80, 120]));
    expect([...read]).toEqual([
      [3, 20],
      [17, 60],
      [40, 100],
      [99, 200],
    ]);
  });

  it('give a term in more than an eighth of the stories one impact, its mean, and no levels', () => {
    const postings = Array.from({ length: 20 }, (_, i) => posting(i * 3, i % 2 ? 30 : 90));
    const bytes = writeBigFile(100, postings, [40, 80, 120]);
    const read = readBigFile(bytes);
    expect([...read.keys()]).toEqual(postings.map((p) => p.doc));
    expect(new Set(read.values())).toEqual(new Set([60]));
  });
});
