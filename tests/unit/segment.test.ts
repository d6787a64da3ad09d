import { describe, expect, it } from 'vitest';
import { articleWith, parsedSeed, seed } from '../helpers/seeds.ts';
import { parsePage } from '../../src/lib/parser/index.ts';

describe('page layout', () => {
  it('reads headlines above their stories on most pages', () => {
    for (const p of ['000', '001', '002', '004']) expect(parsedSeed(p).page.layout).toBe('headline-first');
  });

  it('attaches each headline to the story above it where the page sets them below (seed 003)', () => {
    const page = parsedSeed('003');
    expect(page.page.layout).toBe('headline-after');
    const chiping = articleWith(page, '2024年度山东省科技创新强县名单');
    expect(chiping.headline).toBe('茌平区获评省科技创新强县');
    const research = articleWith(page, '全市研发投入强度达3.12%');
    expect(research.kicker).toBe('连续三年列全省第3位');
    expect(research.headline).toBe('聊城研发投入强度达3.12%');
    // The series banner above the first story is page furniture, not a headline.
    expect(page.page.furniture.map((f) => f.text).join('')).toContain('回眸2024系列报道④');
  });

  it('keeps the subheads of a long feature inside it', () => {
    const page = parsedSeed('003');
    const feature = articleWith(page, '云菊花的经历');
    expect(feature.headline).toBe('打造政务服务提质增效新样板');
    const subheads = feature.subheads.map((i) => feature.paragraphs[i]);
    expect(subheads).toEqual([
      '开办运输企业“一件事高效办” 让现代物流跑出新活力',
      '企业注销“一件事一次办” 为市场“新陈代谢”添活力',
      '涉企纠纷调解走在前 助推市场主体健康发展',
    ]);
    expect(feature.jump).toBe('（下转第8版）');
    expect(feature.paragraphs.at(-1)).toMatch(/签订调解协议书。$/u);
  });
});

describe('items on a page', () => {
  it('finds every story of seed 001 with its headline', () => {
    const headlines = parsedSeed('001').articles.map((a) => a.headline);
    expect(headlines).toEqual([
      '淘汰落后产能企业165家',
      '前5个月全市外贸 进出口总值同比增长40.5%',
      '筑牢防汛“安全堤” 打好汛期“主动仗”',
      '聊城开发区支持企业经营范围“自主公示”',
      '聆听工匠故事 弘扬劳模精神',
      '涉企执法“课堂抽查”,局长现场作答',
      '葡萄“串”起富民链',
      '金融赋能,助力“三夏”生产',
      '东昌府区推动志愿服务与基层治理深度融合',
      '阳谷激励科技人才“向阳而来”',
    ]);
  });

  it('reads a photo story: label, caption and credit, no headline', () => {
    const photo = articleWith(parsedSeed('000'), '在阳谷县博济桥街道赵庙村中药材种植基地');
    expect(photo).toMatchObject({ kind: 'photo', kicker: '目击', headline: null, paragraphs: [] });
    expect(photo.captions[0]).toMatch(/带动农民增收致富。 ■ 本报通讯员 陈清林 岳宗光$/u);
    expect(photo.byline.correspondents).toEqual(['陈清林', '岳宗光']);
  });

  it('reads a photo story whose credit closes the caption line', () => {
    const photo = articleWith(parsedSeed('002'), '在山东维克多利纸业有限责任公司');
    expect(photo.kind).toBe('photo');
    expect(photo.byline.photographers).toEqual(['许金松']);
  });

  it('reads a commentary signed with a bare name', () => {
    const c = articleWith(parsedSeed('000'), '“晨星工厂”究竟是什么');
    expect(c).toMatchObject({ kind: 'commentary', headline: '数字“晨星”照亮制造业转型未来' });
    expect(c.byline.authors).toEqual(['张浩']);
  });

  it('reads a wire story and its agency', () => {
    const wire = articleWith(parsedSeed('003'), '中央军委晋升上将军衔仪式23日在北京八一大楼举行');
    expect(wire).toMatchObject({ kind: 'wire', dateline: { agency: '新华社', place: '北京' } });
  });

  it('takes a standfirst and a kicker ending in —— (seed 004)', () => {
    const a = articleWith(parsedSeed('004'), '莘县县委书记王峰来到张寨镇');
    expect(a.headline).toBe('“再小的问题也不放过”');
    expect(a.kicker).toMatch(/^聊城启动扶贫领域问题整改“清零”大行动——/u);
    expect(a.standfirst).toMatch(/^◆当前最紧迫的任务/u);
  });

  it('keeps a caption inside its story and its later photo credit with it (seed 004)', () => {
    const a = articleWith(parsedSeed('004'), '在冠县山东肯石重工机械有限公司生产车间');
    expect(a.captions).toEqual([
      '山东肯石重工机械有限公司工人在产品发货前核对产品发动机机型信息。 □记者 孙亚飞 通讯员 许永飞 刘相坤 报道',
    ]);
    // The photo credit does not change who wrote the story.
    expect(a.byline.correspondents).toEqual(['许永飞']);
    expect(a.credits[0]?.correspondents).toEqual(['许永飞', '刘相坤']);
  });

  it('reads a caption set between headline and story (seed 002)', () => {
    const a = articleWith(parsedSeed('002'), '高新区以“四好农村路”建设为笔');
    expect(a.kicker).toBe('高新区');
    expect(a.headline).toBe('“四好农村路”链接乡村振兴好风景');
    expect(a.captions).toEqual(['顾官屯镇“四好农村路”']);
  });

  it('reads a byline set as two blocks as one (seed 000 with a blank line inside its byline)', () => {
    const text = seed('000').text.replace(
      '■本报记者 李兆宪\n本报通讯员 刘丽敏',
      '■本报记者 李兆宪\n\n本报通讯员 刘丽敏',
    );
    const { articles, page } = parsePage({ file: '000.txt', text });
    const a = articles.find((x) => x.headline === '领跑亩均效益 保供应急物资');
    expect(a?.byline.reporters).toEqual(['李兆宪']);
    expect(a?.byline.correspondents).toEqual(['刘丽敏']);
    expect(a?.paragraphs[0]).toMatch(/^2024年,顺利完成全省/u);
    expect(page.leftovers).toEqual(parsedSeed('000').page.leftovers);
  });

  it('does not take a photo credit for the first half of the next story’s byline', () => {
    const text = [
      '7月1日,在鲁西集团己内酰胺装置项目区,几台大型吊车正在施工。',
      '',
      '■ 本报记者 董金鑫',
      '',
      '□记者 高田 通讯员 赵玉国 报道',
      '',
      '本报聊城讯 6月20日,记者从市农业农村局获悉,全市小麦收获已完成。',
    ].join('\n');
    const [photo, story] = parsePage({ file: '2025-07-02.txt', text }).articles;
    expect(photo?.kind).toBe('photo');
    expect(photo?.byline.photographers).toEqual(['董金鑫']);
    expect(story?.byline.reporters).toEqual(['高田']);
    expect(story?.byline.correspondents).toEqual(['赵玉国']);
  });

  it('splits briefs set one after another without blank lines (seed 002 datelines under a 短讯 label)', () => {
    const lines = seed('002').text.split('\n');
    const briefs = [42, 50, 58].map((n) => lines[n - 1] ?? '');
    const { articles } = parsePage({ file: '2025-07-02.txt', text: ['短讯', '', ...briefs].join('\n') });
    expect(articles.map((a) => a.byline.reporters)).toEqual([['李兆宪', '刘勇'], ['吕晓磊'], ['姬翔']]);
    expect(articles[0]?.kicker).toBe('短讯');
    expect(articles.map((a) => a.county?.name)).toEqual(['市级', '临清市', '冠县']);
    // A dateline quoted inside a wrapped sentence is not a new story.
    const wrapped = parsePage({
      file: 'w.txt',
      text: `${briefs[0]?.slice(0, 30)}\n本报讯(记者 张浩)说的是${'事'.repeat(20)}。`,
    });
    expect(wrapped.articles).toHaveLength(1);
  });

  it('opens a new story at a labelled heading even without a dateline (an editorial after a story)', () => {
    const lines = seed('002').text.split('\n');
    const story = [lines[33], '', lines[35]];
    const editorial = ['本报社论', '', '以实干实绩推动高质量发展', '', lines[37]];
    const { articles } = parsePage({ file: '2025-07-02.txt', text: [...story, '', ...editorial].join('\n') });
    expect(articles).toHaveLength(2);
    expect(articles[0]?.paragraphs).toHaveLength(2);
    expect(articles[1]).toMatchObject({ kicker: '本报社论', headline: '以实干实绩推动高质量发展', kind: 'commentary' });
    // Without its label, a heading after a finished paragraph opens a story whatever its lead —
    // when its text is credited somewhere (here, signed at the end)…
    const signed = [...editorial.slice(2), '', '（记者 张浩）'];
    const plain = parsePage({ file: '2025-07-02.txt', text: [...story, '', ...signed].join('\n') });
    expect(plain.articles.map((a) => a.headline)).toEqual([null, '以实干实绩推动高质量发展']);
    expect(plain.articles[0]?.paragraphs).toHaveLength(2);
    // …while a single line over text that carries no credit of its own is the story's subhead.
    const bare = parsePage({ file: '2025-07-02.txt', text: [...story, '', ...editorial.slice(2)].join('\n') });
    expect(bare.articles).toHaveLength(1);
    expect(bare.articles[0]?.subheads).toHaveLength(1);
  });

  it('reads a caption closed by its credit after the story’s last paragraph as an item of its own', () => {
    // The grammar: a picture's caption ends with its credit; what follows is a new item.
    const text = [
      '本报讯(记者 白文斌)7月1日,东阿县阿胶产业园新项目集中开工,总投资28亿元。',
      '',
      '7月1日,东阿县阿胶产业园新项目开工现场。（本报记者 王军 摄）',
    ].join('\n');
    const [story, photo, wire] = parsePage({
      file: '2025-07-02.txt',
      text: `${text}\n\n据新华社电 国家发展改革委1日表示,今年将安排中央预算内投资7000亿元。`,
    }).articles;
    expect(story?.paragraphs).toHaveLength(1);
    expect(wire).toMatchObject({ kind: 'wire', byline: { agency: '新华社', raw: '据新华社电' } });
    expect(photo).toMatchObject({ kind: 'photo', byline: { photographers: ['王军'] } });
  });

  it('reads a page whose stories are signed at the end, under a folio (seed 002 set that way)', () => {
    const lines = seed('002').text.split('\n');
    const undated = (n: number) => (lines[n - 1] ?? '').replace(/^本报讯\([^)]*\)/u, '');
    const text = [
      '聊城日报 2025年7月2日 星期三 第2版 责任编辑：王 五 校对：钱 七',
      '',
      lines[47],
      '',
      undated(50),
      '',
      `${lines[53]}（记者 吕晓磊）`,
      '',
      lines[55],
      '',
      undated(58),
      '',
      `${lines[61]}（记者 姬翔 通讯员 王 芳）`,
      '',
      '新闻热线：0635-8888888',
    ].join('\n');
    const { page, articles } = parsePage({ file: 'page.txt', text });
    expect(page.furniture.map((f) => f.line)).toEqual([1, 15]);
    expect(page).toMatchObject({ issueDate: '2025-07-02', dateSource: 'folio', leftovers: [] });
    expect(articles.map((a) => a.headline)).toEqual([lines[47], lines[55]]);
    expect(articles.map((a) => a.byline.reporters)).toEqual([['吕晓磊'], ['姬翔']]);
    expect(articles[1]?.byline.correspondents).toEqual(['王芳']);
    expect(articles[1]?.byline.raw).toBe('（记者 姬翔 通讯员 王 芳）');
    // The signature stays where it was printed, at the end of the last paragraph.
    expect(articles[1]?.paragraphs.at(-1)).toBe(`${lines[61]} （记者 姬翔 通讯员 王 芳）`);
    // A bracketed 记者 inside a sentence is no signature.
    const inside = parsePage({ file: 'page.txt', text: '全市召开会议（记者 张三参加）并部署工作。' });
    expect(inside.articles[0]?.byline.reporters).toEqual([]);
  });

  it('treats promos and banners as page furniture', () => {
    expect(parsedSeed('004').page.furniture).toContainEqual({
      line: 87,
      text: '更多详细报道请见大众日报客户端聊城频道',
    });
    expect(parsedSeed('002').page.furniture).toContainEqual({
      line: 3,
      text: '作风深化 实干争先 当好全面深化改革排头兵',
    });
  });
});

describe('Markdown in a seed is text', () => {
  it('keeps #, 1., -, >, * and | at line starts as printed', () => {
    const text = [
      '# 本报讯(记者 张浩)记者7月6日从高唐县了解到,全县新建公园3个。',
      '',
      '1. 第一项工作已经完成,共投入资金200万元。',
      '- 第二项工作正在推进。',
      '> 引用的话也是正文。',
      '* 星号开头 | 竖线 **加粗** [链接](x) `代码` &amp;',
    ].join('\n');
    const { articles } = parsePage({ file: 'md.txt', text });
    const body = articles.flatMap((a) => a.paragraphs).join('\n');
    expect(body).toContain('1. 第一项工作已经完成');
    expect(body).toContain('- 第二项工作正在推进。');
    expect(body).toContain('> 引用的话也是正文。');
    expect(body).toContain('* 星号开头 | 竖线 **加粗** [链接](x) `代码` &amp;');
  });
});
