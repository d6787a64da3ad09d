/**
 * Subheads: a complete short line between complete paragraphs. A line a
 * column's wrap cut off mid-sentence is joined into its paragraph, never
 * marked as a subhead (the rule is in src/lib/parser/sentence-cut.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/lib/parser/index.ts';
import { decodeBytes } from '../../src/lib/parser/decode.ts';
import { cutsSentence } from '../../src/lib/parser/sentence-cut.ts';
import { endsSentence } from '../../src/lib/parser/text.ts';
import { SEEDS_DIR, articleWith, parsedSeed } from '../helpers/seeds.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const FOLDERS = [
  SEEDS_DIR,
  path.join(FIXTURES, 'real/pages'),
  ...['a', 'b', 'c', 'd'].map((batch) => path.join(FIXTURES, 'corpus', batch, 'pages')),
];

/** Every subhead in the seeds and the real corpus, with the paragraphs around it. */
function allSubheads() {
  const found: Array<{ where: string; text: string; before: string; after: string }> = [];
  for (const dir of FOLDERS) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const decoded = decodeBytes(readFileSync(path.join(dir, file)));
      if (!decoded.ok) continue;
      for (const a of parsePage({ file, text: decoded.text }).articles) {
        for (const i of a.subheads) {
          found.push({
            where: `${path.basename(path.dirname(dir))}/${file}:${a.source.startLine}`,
            text: a.paragraphs[i] ?? '',
            before: a.paragraphs[i - 1] ?? '',
            after: a.paragraphs[i + 1] ?? '',
          });
        }
      }
    }
  }
  return found;
}

describe('a line cut mid-sentence (the grammar)', () => {
  it('leaves a title or quotation open: 我省发布《关于深化改革 (seed 000)', () => {
    expect(cutsSentence('2022年,我省发布《关于深化改革', '创新促进数字经济高质量发展的若干措施》,首次提出')).toBe(
      'open-pair',
    );
  });

  it('ends in a mark that continues: a comma, a colon, an opening quote', () => {
    expect(cutsSentence('一条条平坦宽阔的农村公路蜿蜒在鲁西平原,')).toBe('continuing-mark');
    expect(cutsSentence('云菊花感叹：')).toBe('continuing-mark');
  });

  it('cuts a place name in two: …聊城高新区顾官屯 / 镇黄河湿地 (seed 002)', () => {
    expect(cutsSentence('串联起聊城高新区顾官屯', '镇黄河湿地、许营镇万亩瓜田与城郊文旅街区。')).toBe('split-name');
  });

  it('cuts a number in two: 17 / .17万户, 2022 / 年', () => {
    expect(cutsSentence('总数达到17', '.17万户,均居全市首位。')).toBe('split-number');
    expect(cutsSentence('截至2022', '年底,全市已建成')).toBe('split-number');
  });

  it('is continued by a line that opens mid-sentence or closes what it never opened', () => {
    expect(cutsSentence('终将重塑中国制造的全球竞争力', ',为产业高质量发展注入持久动能。')).toBe('next-continues');
    expect(cutsSentence('现在只需通过手机提交', '一次申请、一套材料”,云菊花说。')).toBe('next-closes');
  });

  it('ends in a word that needs words after it: 关于, 以及, 而', () => {
    expect(cutsSentence('我省还发布了关于', '推进工业互联网发展的行动方案。')).toBe('function-word');
    expect(cutsSentence('数字化转型绝非单纯的技术升级而', '是思维方式的革新。')).toBe('function-word');
  });

  it('lets a real subhead, a headline or a kicker end on purpose', () => {
    expect(
      cutsSentence('开办运输企业“一件事高效办” 让现代物流跑出新活力', '鸿麟物流有限公司能够同时办好两项业务'),
    ).toBe(null);
    expect(cutsSentence('阿胶“一家强”变成“全链欢”', '初夏的东阿阿胶城游人如织')).toBe(null);
    expect(cutsSentence('莘县立体打造党性教育阵地', '本报讯')).toBe(null);
    expect(cutsSentence('打造政务服务提质增效新样板', '——东昌府区“高效办成一件事”改革观察')).toBe(null);
    expect(cutsSentence('——东昌府区“高效办成一件事”改革观察')).toBe(null);
  });
});

describe('subheads in the seeds and the real corpus', () => {
  const subheads = allSubheads();

  it('never end mid-sentence by the rule, and stand after a finished paragraph', () => {
    const cut = subheads.filter((s) => cutsSentence(s.text, s.after) !== null || !endsSentence(s.before));
    expect(cut).toEqual([]);
  });

  it('keep the real subheads of the seeds and the corpus', () => {
    expect(subheads.map((s) => s.text)).toEqual(
      expect.arrayContaining([
        '开办运输企业“一件事高效办” 让现代物流跑出新活力',
        '企业注销“一件事一次办” 为市场“新陈代谢”添活力',
        '涉企纠纷调解走在前 助推市场主体健康发展',
        '周边村里的人进城办年货',
        '阿胶“一家强”变成“全链欢”',
        '项目提质增效 为稳增长注入强劲动能',
      ]),
    );
  });

  it('join the column cuts the issue named into their paragraphs (seeds 000 and 002)', () => {
    for (const [prefix, joined] of [
      ['000', '2022年,我省发布《关于深化改革创新促进数字经济'],
      ['002', '串联起聊城高新区顾官屯镇黄河湿地'],
    ] as const) {
      const a = articleWith(parsedSeed(prefix), joined);
      const at = a.paragraphs.findIndex((p) => p.includes(joined));
      expect(a.subheads).not.toContain(at);
      expect(a.subheads.map((i) => a.paragraphs[i])).toEqual([]);
    }
  });
});
