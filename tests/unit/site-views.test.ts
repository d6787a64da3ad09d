/** The views the site renders, on records parsed from the seeds: names, titles, turns, doubts. */
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/lib/parser/index.ts';
import type { PageMeta } from '../../src/lib/schema.ts';
import { indexArchive } from '../../src/lib/site/archive-index.ts';
import { issueContents } from '../../src/lib/site/issue-view.ts';
import { pageTurns, issueTurns } from '../../src/lib/site/neighbours.ts';
import { comparePageOrder, pageName, pageNumberName } from '../../src/lib/site/page-names.ts';
import { pageDoubts } from '../../src/lib/site/page-view.ts';
import { captionParts, leadClause, lineRange, titleOf } from '../../src/lib/site/titles.ts';
import { articleView } from '../../src/lib/site/article-view.ts';
import { parsedSeed, seed } from '../helpers/seeds.ts';
import { formatEstimate } from '../../src/lib/site/format.ts';

const labels = (pageLabel: string | null, edition: string | null = null, section: string | null = null) => ({
  pageLabel,
  edition,
  section,
  file: 'x.txt',
});

describe('a page is named by 报名 + 版次 (+ 版名)', () => {
  it('says 版次 as a newsroom does', () => {
    expect(pageNumberName('5')).toBe('第5版');
    expect(pageNumberName('05')).toBe('第5版');
    expect(pageNumberName('A3')).toBe('A3版');
    expect(pageNumberName('第3版')).toBe('第3版');
    expect(pageNumberName(null)).toBeNull();
  });

  it('puts the paper, the page and its name together, and the file only when nothing names it', () => {
    expect(pageName(labels('A3', '聊城日报', '要闻'))).toEqual({
      title: '聊城日报 A3版 · 要闻',
      short: 'A3版',
      file: null,
    });
    expect(pageName(labels('3', '大众日报'))).toEqual({ title: '大众日报 第3版', short: '第3版', file: null });
    expect(pageName(labels(null))).toEqual({ title: '版次不详', short: '版次不详', file: 'x.txt' });
  });

  it('orders pages as printed: paper, then letter, then number, unlabelled last', () => {
    const order = [labels('B1'), labels('A10'), labels(null), labels('A2'), labels('A1')].sort(comparePageOrder);
    expect(order.map((p) => p.pageLabel)).toEqual(['A1', 'A2', 'A10', 'B1', null]);
    expect([labels('10'), labels('2'), labels('1')].sort(comparePageOrder).map((p) => p.pageLabel)).toEqual([
      '1',
      '2',
      '10',
    ]);
  });
});

describe('a story without a printed headline gets a short title of its own', () => {
  const stories = [parsedSeed('000'), parsedSeed('002'), parsedSeed('003'), parsedSeed('004')].flatMap(
    (p) => p.articles,
  );
  const headless = stories.filter((a) => !a.headline);

  it('takes a photo caption’s first clause that says what happened, not when or where', () => {
    const photos = headless.filter((a) => a.kind === 'photo').map(titleOf);
    expect(photos).toEqual([
      '村民在对甜叶菊进行掐尖管理',
      '几台大型吊车正在施工作业',
      '工人进行作业本的生产加工',
      '工人在高唐时风化纤产业园捻织车间巡检作业',
    ]);
  });

  it('never cuts a caption off and never repeats the kicker', () => {
    for (const a of headless) {
      const title = titleOf(a);
      expect(title).not.toMatch(/…$/u);
      expect(title.length).toBeLessThanOrEqual(24);
      if (a.kicker) expect(title).not.toContain(a.kicker);
    }
  });

  it('falls back to the kind and the place when no clause is short enough', () => {
    const brief = headless.find((a) => a.kind === 'brief');
    expect(brief && titleOf(brief)).toBe('简讯 · 茌平区');
    expect(leadClause('近日,在阳谷县博济桥街道赵庙村中药材种植基地,村民在对甜叶菊进行掐尖管理。')).toBe(
      '村民在对甜叶菊进行掐尖管理',
    );
    expect(leadClause('“我专程从江苏赶过来,买了4个‘钱袋葫芦’!”')).toBeNull();
  });

  it('shows a caption’s credit apart, once', () => {
    const photo = headless.find((a) => a.kind === 'photo');
    const { text, credit } = captionParts(photo?.captions[0] ?? '');
    expect(credit).toBe('■ 本报通讯员 陈清林 岳宗光');
    expect(text).toMatch(/带动农民增收致富。$/u);
    expect(captionParts('12月14日,高唐交警冒雪帮助小学生登上校车。 姜洪涛 摄').credit).toBeNull();
    expect(captionParts('环卫工人在扫雪。 本报记者 崔崴 摄')).toEqual({
      text: '环卫工人在扫雪。',
      credit: '本报记者 崔崴 摄',
    });
  });

  it('says a one-line story’s line once', () => {
    expect(lineRange({ startLine: 37, endLine: 37 })).toBe('第 37 行');
    expect(lineRange({ startLine: 37, endLine: 40 })).toBe('第 37–40 行');
  });
});

/** One seed's text laid out as the pages of two issues, each page named by a sidecar. */
function twoIssues() {
  const text = seed('003').text;
  const page = (file: string, meta: PageMeta) => parsePage({ file, text, meta });
  const parsed = [
    page('b.txt', { date: '2025-07-08', edition: '聊城日报', page: 'A2' }),
    page('a.txt', { date: '2025-07-08', edition: '聊城日报', page: 'A1', section: '要闻' }),
    page('c.txt', { date: '2025-07-08', edition: '聊城日报', page: 'A10' }),
    page('d.txt', { date: '2025-07-07', edition: '聊城日报', page: 'A1' }),
    page('e.txt', { date: '2025-07-09', edition: '聊城日报', page: 'A1' }),
  ];
  return indexArchive(
    parsed.flatMap((p) => p.articles),
    parsed.map((p) => p.page),
  );
}

describe('turning pages and issues', () => {
  const archive = twoIssues();
  const issue = archive.issues.find((i) => i.date === '2025-07-08');

  it('lists an issue’s pages in printed order, each with every story’s title', () => {
    const contents = issue ? issueContents(archive, issue) : [];
    expect(contents.map((p) => p.name.title)).toEqual(['聊城日报 A1版 · 要闻', '聊城日报 A2版', '聊城日报 A10版']);
    expect(contents[0]?.stories.map((s) => s.title)).toContain('茌平区获评省科技创新强县');
    expect(contents.every((p) => p.stories.length === p.page.articleIds.length)).toBe(true);
  });

  it('上一版/下一版 inside the issue, 上一期 the earlier issue and 下一期 the later', () => {
    const a2 = archive.pages.find((p) => p.file === 'b.txt');
    const turns = a2 && pageTurns(archive, a2);
    expect(turns?.pages.previous).toMatchObject({ rel: '上一版', label: 'A1版', href: '/pages/a/' });
    expect(turns?.pages.next).toMatchObject({ rel: '下一版', label: 'A10版', href: '/pages/c/' });
    expect(turns?.issues.previous).toMatchObject({ rel: '上一期', label: '2025年7月7日', href: '/issues/2025-07-07/' });
    expect(turns?.issues.next).toMatchObject({ rel: '下一期', label: '2025年7月9日', href: '/issues/2025-07-09/' });
    expect(issueTurns(archive, '2025-07-09').next).toBeNull();
    expect(issueTurns(archive, null)).toEqual({ previous: null, next: null });
  });

  it('cites a story by 报名 · 日期 · 版次', () => {
    const story = archive.articles.find((a) => a.source.file === 'b.txt');
    expect(story && articleView(story, archive, new URL('https://example.org/')).printed).toBe(
      '聊城日报 · 2025年7月8日 · A2版',
    );
  });
});

describe('two papers on one date', () => {
  const text = seed('001').text;
  const parsed = [
    parsePage({ file: 'l1.txt', text, meta: { date: '2025-07-08', edition: '聊城日报', page: 'A1' } }),
    parsePage({ file: 'l2.txt', text, meta: { date: '2025-07-08', edition: '聊城日报', page: 'A2' } }),
    parsePage({ file: 'd1.txt', text, meta: { date: '2025-07-08', edition: '大众日报', page: '1' } }),
  ];
  const archive = indexArchive(
    parsed.flatMap((p) => p.articles),
    parsed.map((p) => p.page),
  );
  const issue = archive.issues[0];

  it('names the paper in every tab, and keeps each paper’s pages together', () => {
    const contents = issue ? issueContents(archive, issue) : [];
    expect(contents.map((p) => p.name.short)).toEqual(['大众日报 第1版', '聊城日报 A1版', '聊城日报 A2版']);
  });

  it('turns pages within one paper', () => {
    const last = archive.pages.find((p) => p.file === 'l2.txt');
    const first = archive.pages.find((p) => p.file === 'd1.txt');
    expect(last && pageTurns(archive, last).pages).toMatchObject({ previous: { label: 'A1版' }, next: null });
    expect(first && pageTurns(archive, first).pages).toEqual({ previous: null, next: null });
  });
});

describe('what an editor sees in `astro dev`', () => {
  it('lists every story, least sure first, with its own warnings', () => {
    const parsed = parsedSeed('004');
    const archive = indexArchive(parsed.articles, [parsed.page]);
    const doubts = pageDoubts(archive, parsed.page);
    expect(doubts.stories.map((s) => s.id).sort()).toEqual([...parsed.page.articleIds].sort());
    const confidences = doubts.stories.map((s) => s.confidence);
    expect(confidences).toEqual([...confidences].sort((x, y) => x - y));
    const onStories = doubts.stories.flatMap((s) => s.warnings);
    expect(onStories.length + doubts.page.length).toBe(parsed.page.warnings.length);
  });
});

describe('estimated counts beside the search filters', () => {
  it('read 约 with two significant figures, and a count of nothing reads 0', () => {
    expect(formatEstimate(1234)).toBe('约1,200');
    expect(formatEstimate(87)).toBe('约87');
    expect(formatEstimate(5)).toBe('约5');
    expect(formatEstimate(45678)).toBe('约46,000');
    expect(formatEstimate(0)).toBe('0');
  });
});
