/**
 * The relevance queries (tests/search-queries.json) against the index built
 * into dist/: recall@5 at least 0.9, and the best story first for most.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SearchEngine, type Loader } from '../../src/lib/search/engine.ts';

interface Query {
  q: string;
  kind: string;
  expect: string[];
  best?: string;
}
const { queries } = JSON.parse(readFileSync('tests/search-queries.json', 'utf8')) as { queries: Query[] };
/** Every article record, from the API's monthly files in dist/. */
const articles = (
  JSON.parse(readFileSync('dist/api/articles.json', 'utf8')) as { months: Array<{ url: string }> }
).months.flatMap(
  (m) =>
    (
      JSON.parse(readFileSync(path.join('dist', m.url), 'utf8')) as {
        articles: Array<{ id: string; headline: string | null; paragraphs: string[]; captions: string[] }>;
      }
    ).articles,
);

/** The story a fragment names: by headline, else by its text. */
function idOf(fragment: string): string {
  const a =
    articles.find((x) => x.headline === fragment) ??
    articles.find((x) => [x.headline ?? '', ...x.paragraphs, ...x.captions].some((t) => t.includes(fragment)));
  if (!a) throw new Error(`no story for ${fragment}`);
  return a.id;
}

export const fileLoader = (dir: string): Loader => ({
  json: async (p) => JSON.parse(readFileSync(path.join(dir, p), 'utf8')),
  bytes: async (p) => new Uint8Array(readFileSync(path.join(dir, p))),
});

describe('search relevance on the seeds', () => {
  const engine = new SearchEngine(fileLoader('dist/search-index'));

  it('has at least 25 queries of every kind the issue names', () => {
    expect(queries.length).toBeGreaterThanOrEqual(25);
    for (const kind of [
      'word',
      'name',
      'town',
      'company',
      'figure label',
      'county and topic',
      'two words',
      'OCR variant',
    ]) {
      expect(queries.some((q) => q.kind === kind)).toBe(true);
    }
    expect(queries.some((q) => q.kind.startsWith('near miss'))).toBe(true);
  });

  it('finds at least 90% of the expected stories in the top 5, and the best story first for most queries', async () => {
    let found = 0;
    let wanted = 0;
    let bestFirst = 0;
    let withBest = 0;
    const misses: string[] = [];
    for (const q of queries) {
      const { hits } = await engine.search(q.q);
      const top = hits.slice(0, 5).map((h) => h.id);
      for (const e of q.expect) {
        wanted++;
        if (top.includes(idOf(e))) found++;
        else misses.push(`${q.q}: ${e}`);
      }
      if (q.best) {
        withBest++;
        if (top[0] === idOf(q.best)) bestFirst++;
        else misses.push(`${q.q}: best ${q.best}, got ${hits[0]?.title}`);
      }
    }
    console.log(`recall@5 ${(found / wanted).toFixed(3)} · best first ${bestFirst}/${withBest}`, misses);
    expect(found / wanted).toBeGreaterThanOrEqual(0.9);
    expect(bestFirst / withBest).toBeGreaterThanOrEqual(0.8);
  });

  it('requires every space-separated word to match', async () => {
    const both = await engine.search('冠县 消费');
    const one = await engine.search('冠县');
    expect(both.total).toBeGreaterThan(0);
    expect(both.total).toBeLessThan(one.total);
  });

  it('finds a two-character word deep in a long body', async () => {
    // 云菊花 is named only in the feature's first and second paragraphs; 调委会 only near its end.
    const r = await engine.search('调委会');
    expect(r.hits.map((h) => h.title)).toContain('打造政务服务提质增效新样板');
  });

  it('answers a one-character query from every story’s text, headlines first', async () => {
    // 菊 is in the photo story's own title (甜叶菊), and in 云菊花 only in a body: both are found, the title first.
    const r = await engine.search('菊');
    expect(r.hits.map((h) => h.title)).toEqual(['村民在对甜叶菊进行掐尖管理', '打造政务服务提质增效新样板']);
    const r2 = await engine.search('县');
    // The first results carry it in their headline; more stories hold it only in their text.
    const inHeadline = r2.hits.map((h) => h.title.includes('县') || (h.kicker ?? '').includes('县'));
    expect(inHeadline.slice(0, 4)).toEqual([true, true, true, true]);
    expect(r2.total).toBeGreaterThan(r2.hits.length);
  });

  it('counts results by county, topic and kind, and filters and sorts', async () => {
    const all = await engine.search('企业');
    expect(Object.values(all.facets.county).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(all.total);
    const guan = await engine.search('企业', { county: 'guanxian' });
    expect(guan.total).toBe(all.facets.county.guanxian);
    expect(guan.hits.every((h) => h.county === '冠县')).toBe(true);
    const byDate = await engine.search('企业', {}, 'date');
    const dates = byDate.hits.map((h) => h.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    const range = await engine.search('企业', { from: '2024-01-01', to: '2024-12-31' });
    expect(range.hits.every((h) => (h.date ?? '').startsWith('2024'))).toBe(true);
  });

  it('marks the matched words in the snippet', async () => {
    const r = await engine.search('轴承');
    const hit = r.hits[0];
    expect(hit).toBeDefined();
    for (const m of hit?.snippetMarks ?? []) expect(hit?.snippet.slice(m.start, m.end)).toBe('轴承');
    expect(hit?.snippetMarks.length).toBeGreaterThan(0);
  });
});
