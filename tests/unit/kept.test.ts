import { describe, expect, it } from 'vitest';
import { lostLines, parsedSeed, seed, seedFiles, articleWith } from '../helpers/seeds.ts';
import { lettersOnly } from '../../src/lib/parser/text.ts';

describe('nothing is lost', () => {
  it.each(seedFiles().map((f) => f.slice(0, 3)))('every line of seed %s is in an article or the leftovers', (p) => {
    expect(lostLines(seed(p).text, parsedSeed(p))).toEqual([]);
  });

  it('invents no text: every paragraph is seed text with line breaks removed', () => {
    for (const f of seedFiles()) {
      const p = f.slice(0, 3);
      const source = lettersOnly(seed(p).text).replace(/在平/gu, '茌平');
      for (const a of parsedSeed(p).articles) {
        for (const para of a.paragraphs) expect(source).toContain(lettersOnly(para));
      }
    }
  });

  it('keeps the dateline with the byline and out of the first paragraph', () => {
    const a = articleWith(parsedSeed('000'), '民生工程嵌入');
    expect(a.byline.raw).toBe('本报讯(记者 张浩 通讯员 赵凯)');
    expect(a.paragraphs[0]).toMatch(/^记者7月6日从高唐县了解到/u);
  });
});
