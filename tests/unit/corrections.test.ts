/** Editors' corrections in a page's sidecar: each kind, and the bad ones. */
import { describe, expect, it } from 'vitest';
import { applyCorrections } from '../../src/lib/corrections.ts';
import { parseSidecarText } from '../../src/lib/sidecar.ts';
import { parsedSeed, articleWith } from '../helpers/seeds.ts';

const page = parsedSeed('000');
const id = (text: string) => articleWith(page, text).id;
const FEATURE = id('公布了上述数据');
const GAOTANG = id('民生工程嵌入');
const GUAN = id('拿着新换发的医疗机构执业许可证');

/** Applies a sidecar written as JSON (pretty-printed, so it has lines). */
function correct(sidecar: unknown) {
  const parsed = parseSidecarText('000.meta.json', JSON.stringify(sidecar, null, 2));
  return { ...applyCorrections(page, parsed), sidecarWarnings: parsed.warnings };
}

describe('field corrections', () => {
  it('fixes headline, kicker, subheadline, county, date, kind and byline, and lists each change', () => {
    const { articles } = correct({
      corrections: {
        [GAOTANG]: {
          headline: '高唐县打造“有事来聊”居民议事机制',
          kicker: null,
          subheadline: '小乐的故事',
          county: 'linqing',
          date: '2025-07-05',
          kind: 'brief',
          byline: { correspondents: ['赵凯', '李四'] },
          note: '据原版订正',
        },
      },
    });
    const a = articles.find((x) => x.id === GAOTANG);
    expect(a).toMatchObject({
      headline: '高唐县打造“有事来聊”居民议事机制',
      kicker: null,
      subheadline: '小乐的故事',
      county: { slug: 'linqing', name: '临清市' },
      date: '2025-07-05',
      dateSource: 'meta',
      kind: 'brief',
    });
    expect(a?.byline.correspondents).toEqual(['赵凯', '李四']);
    expect(a?.corrections.filter((c) => c.type === 'editor').map((c) => [c.field, c.from, c.to])).toEqual([
      ['headline', '打造特色居民议事机制', '高唐县打造“有事来聊”居民议事机制'],
      ['kicker', '高唐县', '（无）'],
      ['subheadline', '（无）', '小乐的故事'],
      ['county', '高唐县', '临清市'],
      ['date', '2025-07-06', '2025-07-05'],
      ['kind', 'news', 'brief'],
      ['byline.correspondents', '赵凯', '赵凯、李四'],
    ]);
    expect(a?.corrections[0]).toMatchObject({ note: '据原版订正', line: 3 });
  });

  it('takes a county by name too, and 市级', () => {
    const { articles } = correct({ corrections: { [GUAN]: { county: '市级' } } });
    expect(articles.find((x) => x.id === GUAN)?.county).toEqual({ slug: 'shiji', name: '市级' });
  });
});

describe('structural corrections', () => {
  it('merges an article with the next one, keeping its headline as a subhead', () => {
    const before = page.articles.length;
    const { articles, page: p } = correct({ corrections: { [GAOTANG]: { mergeWithNext: true } } });
    expect(articles).toHaveLength(before - 1);
    expect(p.articleIds).not.toContain(GUAN);
    const merged = articles.find((x) => x.id === GAOTANG);
    expect(merged?.paragraphs).toContain('冠县 29家医疗机构集体“换证”');
    expect(merged?.paragraphs.join('')).toContain('实现审批与监管的无缝衔接');
    expect(merged?.byline.reporters).toEqual(['张浩', '刘亚杰']);
    for (const f of merged?.figures ?? []) expect(merged?.paragraphs[f.index]?.slice(f.start, f.end)).toBe(f.text);
  });

  it('splits an article at a paragraph into a new one with a stable id', () => {
    const original = page.articles.find((x) => x.id === FEATURE);
    const { articles } = correct({ corrections: { [FEATURE]: { splitAtParagraph: 4 } } });
    const first = articles.find((x) => x.id === FEATURE);
    const rest = articles.find((x) => x.id === `${FEATURE}-p4`);
    expect(first?.paragraphs).toEqual(original?.paragraphs.slice(0, 3));
    expect(rest?.paragraphs).toEqual(original?.paragraphs.slice(3));
    expect(articles.indexOf(rest as never)).toBe(articles.indexOf(first as never) + 1);
  });

  it('gives a split-off article its own corrections in the same sidecar', () => {
    const { articles } = correct({
      corrections: { [FEATURE]: { splitAtParagraph: 4 }, [`${FEATURE}-p4`]: { headline: '亩均效益评价' } },
    });
    expect(articles.find((x) => x.id === `${FEATURE}-p4`)?.headline).toBe('亩均效益评价');
  });

  it('moves text from the leftovers into an article', () => {
    const withLeftover = { ...page, page: { ...page.page, leftovers: [{ line: 200, text: '（本版责编 王五）' }] } };
    const parsed = parseSidecarText(
      '000.meta.json',
      JSON.stringify({ moveLeftovers: [{ line: 200, to: GUAN }] }, null, 2),
    );
    const { page: p, articles } = applyCorrections(withLeftover, parsed);
    expect(p.leftovers).toEqual([]);
    expect(articles.find((x) => x.id === GUAN)?.paragraphs.at(-1)).toBe('（本版责编 王五）');
  });
});

describe('bad corrections', () => {
  it('names the sidecar and line of a correction for no article; the rest still applies', () => {
    const { articles, page: p } = correct({
      corrections: { 'no-such-story': { headline: 'x' }, [GUAN]: { headline: '新标题' } },
    });
    expect(p.warnings.filter((w) => w.code === 'correction').map((w) => w.message)).toEqual([
      '000.meta.json 第 3 行：这一版没有编号为 no-such-story 的稿件，这条更正未应用：请对照 npm run check:seeds 列出的稿件编号改正',
    ]);
    expect(articles.find((x) => x.id === GUAN)?.headline).toBe('新标题');
  });

  it('names the sidecar and line of an unknown field, and applies nothing of that correction', () => {
    const { articles, sidecarWarnings } = correct({ corrections: { [GUAN]: { headline: '新标题', colour: 'red' } } });
    expect(sidecarWarnings.map((w) => w.message)).toEqual([
      `000.meta.json 第 3 行：对 ${GUAN} 的更正：不认识的字段「colour」；这条更正未应用`,
    ]);
    expect(articles.find((x) => x.id === GUAN)?.headline).toBe('29家医疗机构集体“换证”');
  });

  it('refuses an unknown county, a split past the end and a merge of the last story', () => {
    const last = page.articles.at(-1)?.id ?? '';
    const { page: p, sidecarWarnings } = correct({
      corrections: { [GUAN]: { county: '北京' }, [GAOTANG]: { splitAtParagraph: 99 }, [last]: { mergeWithNext: true } },
    });
    // A county the gazetteer does not know is caught as the sidecar is read, with what to write.
    expect(sidecarWarnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/县区（county）「北京」不是县区名，这一项未应用（应写县区名/u),
    ]);
    const paragraphs = articleWith(page, '民生工程嵌入').paragraphs.length;
    expect(p.warnings.filter((w) => w.code === 'correction').map((w) => w.message)).toEqual([
      `000.meta.json 第 6 行：${GAOTANG} 只有 ${paragraphs} 段，不能从第 99 段起拆分（splitAtParagraph），这条更正未应用：段号应在 2 到 ${paragraphs} 之间`,
      `000.meta.json 第 9 行：${last} 是这一版的最后一篇，后面没有稿件可以合并（mergeWithNext），这条更正未应用：要合并两篇，请写在前一篇的编号下面`,
    ]);
  });

  it('says each problem in Chinese: the sidecar, its line, what is wrong and what to do', () => {
    const withLeftover = { ...page, page: { ...page.page, leftovers: [{ line: 200, text: '（本版责编 王五）' }] } };
    const sidecar = parseSidecarText(
      '000.meta.json',
      JSON.stringify(
        {
          corrections: { [GAOTANG]: { mergeWithNext: true }, [GUAN]: { headline: '新标题' } },
          moveLeftovers: [{ line: 12, to: GAOTANG }],
        },
        null,
        2,
      ),
    );
    // A county the sidecar reader let through (a sidecar object built by hand) is refused here too.
    sidecar.fixes.push({ id: FEATURE, fix: { county: '阳谷' }, line: 9 });
    const { page: p } = applyCorrections(withLeftover, sidecar);
    const messages = p.warnings.filter((w) => w.code === 'correction').map((w) => w.message);
    expect(messages).toEqual([
      `000.meta.json 第 12 行：版面第 12 行没有不属于任何一篇的文字，移动未归属的文字（moveLeftovers）这一项未移动任何文字：行号请照 npm run check:seeds 里「第 N 行不属于任何一篇」的 N 填写`,
      `000.meta.json 第 6 行：${GUAN} 已合并进 ${GAOTANG}，这条更正未应用：请把要改的字段写在 ${GAOTANG} 下面`,
      `000.meta.json 第 9 行：对 ${FEATURE} 的更正：县区（county）「阳谷」不是县区名，这一项未应用：应写成「阳谷县」`,
    ]);
  });
});
