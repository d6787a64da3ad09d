import { describe, expect, it } from 'vitest';
import { articleWith, parsedSeed } from '../helpers/seeds.ts';
import { findMentions, resolveCounty } from '../../src/lib/parser/county.ts';
import { parsePage } from '../../src/lib/parser/index.ts';

const evidence = (over: Partial<Parameters<typeof resolveCounty>[0]>) => ({
  headline: '',
  datelinePlace: null,
  lead: '',
  body: '',
  wire: false,
  ...over,
});

describe('county of a story', () => {
  it('reads a town from the gazetteer: 温陈街道 is in 茌平区', () => {
    expect(resolveCounty(evidence({ lead: '7月1日,在温陈街道,工人们正紧张有序地安装调试新设备。' })).county?.name).toBe(
      '茌平区',
    );
  });

  it('trusts a town over the county misprinted before it: 东阿区贾寨镇 → 茌平区', () => {
    const a = articleWith(parsedSeed('001'), '贾寨后村葡萄园里');
    expect(a.county?.name).toBe('茌平区');
  });

  it('reads the dateline place: 本报临清讯', () => {
    expect(
      resolveCounty(evidence({ datelinePlace: '临清', lead: '连日来,项目现场施工车辆甚为壮观。' })).county?.slug,
    ).toBe('linqing');
  });

  it('lets a city-wide headline outweigh counties in the body (1至10月我市)', () => {
    const a = articleWith(parsedSeed('003'), '全市滚动实施工业技改项目699个');
    expect(a.county?.name).toBe('市级');
    expect(a.countiesMentioned.map((c) => c.name)).toContain('冠县');
  });

  it('reads the zones: 聊城开发区 and 高新区', () => {
    expect(articleWith(parsedSeed('001'), '山东智泽金属制品有限公司').county).toEqual({
      slug: 'kaifaqu',
      name: '开发区',
    });
    expect(articleWith(parsedSeed('002'), '高新区以“四好农村路”建设为笔').county?.slug).toBe('gaoxinqu');
  });

  it('does not read another place’s 开发区 as Liaocheng’s', () => {
    expect(findMentions('嘉明经济开发区').some((m) => m.unit === 'kaifaqu')).toBe(false);
    expect(findMentions('聊城经济技术开发区').map((m) => m.unit)).toEqual(['kaifaqu']);
  });

  it('gives wire copy from Beijing no county', () => {
    expect(articleWith(parsedSeed('003'), '八一大楼').county).toBeNull();
  });

  it('does not count 临清市农业农村局 as a city bureau', () => {
    expect(findMentions('记者从临清市农业农村局获悉').map((m) => m.unit)).toEqual(['linqing']);
    expect(findMentions('记者从市科技局了解到').map((m) => m.unit)).toEqual(['shiji']);
  });
});

describe('OCR misreadings', () => {
  it('fixes 在平区 in the text and says so in the record', () => {
    const a = articleWith(parsedSeed('002'), '初夏时节');
    expect(a.headline).toBe('茌平区重点项目“满弓劲发”');
    expect(a.county?.name).toBe('茌平区');
    expect(a.corrections).toContainEqual(
      expect.objectContaining({ type: 'ocr', from: '在平区', to: '茌平区', line: 8 }),
    );
    expect(a.paragraphs.join('')).not.toContain('在平区');
  });

  it('leaves 在平 alone where it is ordinary text (存在平衡)', () => {
    const { articles } = parsePage({ file: 'x.txt', text: '本报讯(记者 张浩)要存在平衡发展的问题。' });
    expect(articles[0]?.paragraphs[0]).toContain('存在平衡');
    expect(articles[0]?.corrections).toEqual([]);
  });
});
