import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { describe, expect, it } from 'vitest';
import { blockStartLines, linesToBlocks } from '../../src/lib/parser/raw-blocks.ts';
import { classifyBlock } from '../../src/lib/parser/classify-blocks.ts';
import { fixOcrLine } from '../../src/lib/parser/ocr.ts';
import type { Correction } from '../../src/lib/schema.ts';

const blocksOf = (text: string) => {
  const tree = unified().use(remarkParse).parse(text);
  return linesToBlocks(text.split('\n'), blockStartLines(tree));
};
const roles = (text: string) =>
  blocksOf(text)
    .flatMap(classifyBlock)
    .map((b) => [b.role, b.pieces.map((p) => p.text)]);

describe('raw blocks', () => {
  it('cuts at blank lines, counts the gap and keeps raw lines with their numbers', () => {
    const blocks = blocksOf('目击\n\n\n\n近日,在阳谷县博济桥街道。\n■ 本报通讯员 陈清林 岳宗光');
    expect(blocks.map((b) => [b.gapBefore, b.pieces])).toEqual([
      [0, [{ line: 1, text: '目击' }]],
      [
        3,
        [
          { line: 5, text: '近日,在阳谷县博济桥街道。' },
          { line: 6, text: '■ 本报通讯员 陈清林 岳宗光' },
        ],
      ],
    ]);
  });

  it('starts a block where remark does, but keeps the # as text', () => {
    const blocks = blocksOf('第一段文字\n# 像标题的一行');
    expect(blocks.map((b) => b.pieces.map((p) => p.text))).toEqual([['第一段文字'], ['# 像标题的一行']]);
  });
});

describe('block roles (seed lines)', () => {
  it('separates a two-line credit block from nothing else', () => {
    expect(roles('■本报记者 李兆宪\n本报通讯员 刘丽敏')).toEqual([
      ['byline', ['■本报记者 李兆宪', '本报通讯员 刘丽敏']],
    ]);
  });

  it('cuts a credit off the story it opens', () => {
    expect(roles('□记者 李梦 报道 本报聊城讯 “制造业强市”被聊城定为经济工作的生命线。')).toEqual([
      ['byline', ['□记者 李梦 报道']],
      ['text', [' 本报聊城讯 “制造业强市”被聊城定为经济工作的生命线。']],
    ]);
  });

  it('cuts a jump line and a closing photo credit off their text', () => {
    expect(roles('双方当事人达成一致意见，签订调解协\n议书。 （下转第8版）')).toEqual([
      ['text', ['双方当事人达成一致意见，签订调解协', '议书。 ']],
      ['jump', ['（下转第8版）']],
    ]);
    expect(roles('为高质量发展提供有效支撑和持久动能。 ■ 本报记者 许金松')).toEqual([
      ['text', ['为高质量发展提供有效支撑和持久动能。']],
      ['photo-credit', [' ■ 本报记者 许金松']],
    ]);
  });

  it('marks standfirsts and promos', () => {
    expect(roles('◆制造业是聊城的强市之本。')[0]?.[0]).toBe('standfirst');
    expect(roles('更多详细报道请见大众日报客户端聊城频道')[0]?.[0]).toBe('furniture');
  });
});

describe('OCR fixes', () => {
  it('fixes each listed misreading and records it with its line', () => {
    const corrections: Correction[] = [];
    expect(fixOcrLine('在平区和辛县、寇县', 7, corrections)).toBe('茌平区和莘县、冠县');
    expect(corrections.map((c) => [c.from, c.to, c.line])).toEqual([
      ['在平区', '茌平区', 7],
      ['辛县', '莘县', 7],
      ['寇县', '冠县', 7],
    ]);
  });

  it('leaves real names that look like misreadings alone (辛集镇, 大辛庄街道)', () => {
    const corrections: Correction[] = [];
    expect(fixOcrLine('冠县辛集镇和临清大辛庄街道', 1, corrections)).toBe('冠县辛集镇和临清大辛庄街道');
    expect(corrections).toEqual([]);
  });
});
