import { describe, expect, it } from 'vitest';
import {
  parseAuthorLine,
  parseCreditLine,
  parseDateline,
  splitLeadingCredit,
  splitTrailingCredit,
} from '../../src/lib/parser/bylines.ts';

describe('credit lines', () => {
  it('reads 本报记者 and 本报通讯员 on their own lines', () => {
    expect(parseCreditLine('■本报记者 李兆宪')).toMatchObject({ reporters: ['李兆宪'], correspondents: [] });
    expect(parseCreditLine('本报通讯员 刘丽敏')).toMatchObject({ reporters: [], correspondents: ['刘丽敏'] });
  });

  it('reads □记者 … 通讯员 … 报道 with several names', () => {
    expect(parseCreditLine('□记者 高田 通讯员 赵玉国 王昕 报道')).toMatchObject({
      reporters: ['高田'],
      correspondents: ['赵玉国', '王昕'],
    });
    expect(parseCreditLine('□本报记者 胡磊 薛良诚')).toMatchObject({ reporters: ['胡磊', '薛良诚'] });
  });

  it('reads role words printed with spaces between their characters', () => {
    expect(parseCreditLine('■ 本 报 记 者 王军豪')).toMatchObject({ reporters: ['王军豪'] });
  });

  it('joins a two-character name padded with a space into one person', () => {
    expect(parseCreditLine('□记者 王 芳 通讯员 李明 报道')).toMatchObject({
      reporters: ['王芳'],
      correspondents: ['李明'],
    });
  });

  it('never reads body copy that starts with 记者 as a credit', () => {
    expect(parseCreditLine('记者从聊城市工业和信息化局获悉')).toBeNull();
    expect(parseCreditLine('记者获悉')).toBeNull();
    expect(parseCreditLine('记者7月6日从高唐县了解到')).toBeNull();
  });
});

describe('credits sharing a line with text', () => {
  it('splits a credit that opens the story line', () => {
    const split = splitLeadingCredit('□记者 高田 通讯员 姚晓楠 马朝霞 报道 本报临清讯 连日来,在临清市潘庄镇');
    expect(split?.credit).toBe('□记者 高田 通讯员 姚晓楠 马朝霞 报道');
    expect(split?.rest.trim()).toBe('本报临清讯 连日来,在临清市潘庄镇');
    expect(split?.people.correspondents).toEqual(['姚晓楠', '马朝霞']);
  });

  it('splits the photo credit closing a caption', () => {
    const split = splitTrailingCredit('产品畅销北京、重庆、云南等国内多个省市。 ■ 本报记者 许金松');
    expect(split?.text).toBe('产品畅销北京、重庆、云南等国内多个省市。');
    expect(split?.people.reporters).toEqual(['许金松']);
  });

  it('splits a bare photo credit after a finished sentence, and nothing else that ends in 摄', () => {
    const split = splitTrailingCredit('11月19日,冠县东古城镇的工人在生产线上作业。 本报通讯员 赵敏 摄');
    expect(split).toMatchObject({ text: '11月19日,冠县东古城镇的工人在生产线上作业。', credit: ' 本报通讯员 赵敏 摄' });
    // A 通讯员 who took the picture is credited as 通讯员, as the truth files count him.
    expect(split?.people).toMatchObject({ correspondents: ['赵敏'], photographers: [] });
    // Names alone before 摄, after a finished sentence: the photographers.
    expect(splitTrailingCredit('12月14日,环卫工人在扫雪。崔崴 摄')?.people.photographers).toEqual(['崔崴']);
    // Mid-sentence, or words that are no names: text.
    expect(splitTrailingCredit('记者在现场看到工人们正在拍摄')).toBeNull();
    expect(splitTrailingCredit('他说。记者现场拍摄')).toBeNull();
  });
});

describe('datelines', () => {
  it('reads 本报讯 with the credit in half-width brackets', () => {
    const d = parseDateline('本报讯(记者 张浩 通讯员 赵凯)记者7月6日从高唐县了解到');
    expect(d).toMatchObject({ raw: '本报讯(记者 张浩 通讯员 赵凯)', agency: '本报', place: null });
    expect(d?.people).toMatchObject({ reporters: ['张浩'], correspondents: ['赵凯'] });
  });

  it('reads full-width brackets, spaces and 文/图', () => {
    expect(parseDateline('本报讯 （记者 赵宗锋 焦阳） 12')?.people.reporters).toEqual(['赵宗锋', '焦阳']);
    const photo = parseDateline('本报讯(文/图 记者 吴兆旭)记者7月1日在高新区采访时了解到');
    expect(photo?.people).toMatchObject({ reporters: ['吴兆旭'], photographers: ['吴兆旭'] });
  });

  it('reads the place of 本报临清讯', () => {
    expect(parseDateline('本报临清讯 连日来,在临清市')).toMatchObject({ place: '临清', agency: '本报' });
  });

  it('reads a wire dateline with its date and reporter', () => {
    const d = parseDateline('新华社北京12月23日电（记者 梅常伟）中央军委晋升上将军衔仪式');
    expect(d).toMatchObject({ agency: '新华社', place: '北京', month: 12, day: 23 });
    expect(d?.people.reporters).toEqual(['梅常伟']);
  });

  it('reads a wire item reprinted with 据 and without place or date', () => {
    expect(parseDateline('据新华社电 国家发展改革委11日表示')).toMatchObject({
      raw: '据新华社电',
      agency: '新华社',
      place: null,
      month: null,
    });
    expect(parseDateline('据新华社北京3月11日电 记者')).toMatchObject({ agency: '新华社', place: '北京', day: 11 });
    // Only a named agency may leave out its place: 合作社电商 is body copy.
    expect(parseDateline('合作社电商平台今年销售额达3000万元')).toBeNull();
  });

  it('leaves a bracketed note that is not a credit in the text', () => {
    expect(parseDateline('本报讯(右图)记者从')?.raw).toBe('本报讯');
  });
});

describe('commentators', () => {
  it('reads a bare name under a commentary', () => {
    expect(parseAuthorLine('张浩')).toEqual(['张浩']);
    expect(parseAuthorLine('张 浩')).toEqual(['张浩']);
    expect(parseAuthorLine('本报评论员')).toEqual(['本报评论员']);
  });

  it('does not take a short headline for a name', () => {
    expect(parseAuthorLine('目击')).toBeNull();
    expect(parseAuthorLine('企业登记高效便捷')).toBeNull();
  });
});
