/**
 * Which county-level unit a story is about. Mentions of counties, zones,
 * their towns and the city itself (聊城, 全市, 我市, 市委…) are weighed by
 * where they stand: headline, dateline, opening sentence, the rest.
 */
import { CITY, gazetteer } from './gazetteer.ts';
import type { CountyRef } from '../schema.ts';
import { sentences } from './dates.ts';
import { WordFinder } from './word-finder.ts';

interface Name {
  unit: string; // a unit slug, or CITY.slug
  kind: 'unit' | 'town' | 'city';
  weight: number;
}

const names = new Map<string, Name>();
for (const u of gazetteer.units) {
  for (const n of new Set([u.name, u.short, ...u.aliases])) {
    // Bare 开发区/高新区/度假区 need a guard (see below); full names do not.
    names.set(n, { unit: u.slug, kind: 'unit', weight: 1 });
  }
  for (const t of u.towns) {
    for (const n of [t.name, ...t.aliases]) {
      if (!names.has(n)) names.set(n, { unit: u.slug, kind: 'town', weight: t.generic ? 0.5 : 1 });
    }
  }
}
for (const n of [
  ...gazetteer.prefecture.aliases,
  '全市',
  '我市',
  '市委',
  '市政府',
  '市人大',
  '市政协',
  '市纪委',
  '市直',
  '江北水城',
]) {
  names.set(n, { unit: CITY.slug, kind: 'city', weight: 1 });
}
const BARE_ZONES = new Set(['开发区', '高新区', '度假区', '旅游度假区', '经开区']);
const NAMES = new WordFinder(names.keys());
/** 市应急局, 市科技局: a city bureau named without 聊城. */
const CITY_BODY = /市[\p{Script=Han}]{1,8}?(?:局|委员会|办公室|中心)/gu;

export interface Mention {
  unit: string;
  kind: Name['kind'];
  index: number;
  length: number;
  weight: number;
}

/** What follows a place in an institution's or event's name. */
const NAME_SUFFIX =
  /^[)）·]|^(?:大学|学院|日报|晚报|新闻网|电视台|广播电视台|职业|技术|有限公司|集团|银行|公园|广场)|^\p{Script=Han}{0,4}?(?:艺术节|文化节|旅游节|博览会|展览会|交易会)|^\p{Script=Han}{2,3}节(?![日假能约水点目])/u;

const isHan = (ch: string | undefined) => ch !== undefined && /\p{Script=Han}/u.test(ch);

export function findMentions(text: string): Mention[] {
  const found: Mention[] = [];
  const covers = new Set<number>();
  for (const { word, index } of NAMES.matches(text)) {
    const name = names.get(word);
    if (!name) continue;
    // 嘉明经济开发区 is some other zone; a bare zone name must stand on its own.
    if (BARE_ZONES.has(word) && isHan(text[index - 1])) continue;
    found.push({ unit: name.unit, kind: name.kind, index, length: word.length, weight: name.weight });
    for (let i = index; i < index + word.length; i++) covers.add(i);
  }
  const covered = (i: number) => covers.has(i);
  // 运河古都(聊城)葫芦文化艺术节, 聊城大学: the city named inside a name says nothing of where.
  const insideName = (m: Mention) =>
    m.kind === 'city' &&
    (/[（(]$/u.test(text.slice(m.index - 1, m.index)) ||
      NAME_SUFFIX.test(text.slice(m.index + m.length, m.index + m.length + 6)));
  for (const m of text.matchAll(CITY_BODY)) {
    const index = m.index ?? 0;
    if (covered(index) || covered(index - 1)) continue;
    found.push({ unit: CITY.slug, kind: 'city', index, length: m[0].length, weight: 1 });
  }
  found.sort((a, b) => a.index - b.index);
  return found.filter((f, i) => {
    if (insideName(f)) return false;
    const next = found[i + 1];
    const adjacent = next !== undefined && next.index === f.index + f.length;
    // 聊城市东昌府区: the city only qualifies the county.
    if (f.kind === 'city' && adjacent && next.kind !== 'city') return false;
    // 东阿区贾寨镇: a town names its county more reliably than a misprinted county.
    if (f.kind === 'unit' && adjacent && next.kind === 'town' && next.unit !== f.unit) return false;
    return true;
  });
}

/** A county or city named with its 县/市 that is no Liaocheng unit: 沾化县, 滨州市, 双鸭山市. */
const PLACE_WITH_SUFFIX = /\p{Script=Han}{2,3}?(?:县|市)/gu;
const HOME_NAMES = new Set([
  ...gazetteer.units.flatMap((u) => [u.name, u.short, ...u.aliases]),
  ...gazetteer.prefecture.aliases,
]);

function namesElsewhere(text: string): boolean {
  for (const m of text.matchAll(PLACE_WITH_SUFFIX)) {
    const name = m[0];
    if (HOME_NAMES.has(name) || /^(?:全|我|本|该|省|城|县|市)/u.test(name) || name.endsWith('城市')) continue;
    if (findMentions(name).length === 0) return true;
  }
  return false;
}

/** 全市, 我市, 市委, 市应急局: words that speak of "the city" without naming it. */
function isFrameWord(text: string, m: Mention): boolean {
  return m.kind === 'city' && !/^(?:聊城|江北水城)/u.test(text.slice(m.index, m.index + m.length));
}

export interface CountyEvidence {
  headline: string;
  datelinePlace: string | null;
  lead: string;
  body: string;
  /** Wire copy from outside Liaocheng counts only what its headline and lead say. */
  wire: boolean;
}

export interface CountyResult {
  county: CountyRef | null;
  mentioned: CountyRef[];
}

const refOf = (slug: string): CountyRef => {
  if (slug === CITY.slug) return { ...CITY };
  const u = gazetteer.units.find((x) => x.slug === slug);
  return { slug, name: u?.short ?? slug };
};

export function resolveCounty(e: CountyEvidence): CountyResult {
  const scores = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  let order = 0;
  const add = (mentions: Mention[], perMention: number, cap: number, onceOnly = false) => {
    const part = new Map<string, number>();
    for (const m of mentions) {
      if (!firstSeen.has(m.unit)) firstSeen.set(m.unit, order++);
      const prev = part.get(m.unit) ?? 0;
      part.set(m.unit, onceOnly ? Math.max(prev, perMention * m.weight) : prev + perMention * m.weight);
    }
    for (const [unit, v] of part) scores.set(unit, (scores.get(unit) ?? 0) + Math.min(v, cap));
  };
  // Each text is scanned once: the body is most of the work.
  const inHeadline = findMentions(e.headline);
  const inBody = findMentions(e.body);
  add(inHeadline, 6, 6, true);
  if (e.datelinePlace) {
    for (const m of findMentions(e.datelinePlace)) {
      // 本报聊城讯 is the city desk's default dateline and says little.
      const w = m.kind === 'city' ? 1 : 5;
      scores.set(m.unit, (scores.get(m.unit) ?? 0) + w);
      if (!firstSeen.has(m.unit)) firstSeen.set(m.unit, order++);
    }
  }
  const [firstSentence = '', ...restOfLead] = sentences(e.lead);
  // 沾化县冯家镇…全市: when the opening names a place outside Liaocheng, 全市 and 市委 are that place's.
  const elsewhere = namesElsewhere(`${e.headline} ${firstSentence}`);
  // The city is every local story's frame: a county or zone in the opening sentence says more.
  const opening = findMentions(firstSentence).filter((m) => !(elsewhere && isFrameWord(firstSentence, m)));
  add(
    opening.filter((m) => m.kind !== 'city'),
    3,
    9,
  );
  add(
    opening.filter((m) => m.kind === 'city'),
    1.5,
    4.5,
  );
  const rest = restOfLead.join('');
  // 全市, 我市 only frame the story in the city; a county or 聊城 named outright says more.
  const restMentions = findMentions(rest).filter((m) => !(elsewhere && isFrameWord(rest, m)));
  add(
    restMentions.filter((m) => !isFrameWord(rest, m)),
    1.5,
    6,
  );
  add(
    restMentions.filter((m) => isFrameWord(rest, m)),
    0.5,
    1.5,
  );
  const placedUp = scores.size > 0 && [...scores.values()].some((v) => v > 0);
  // When nothing above the body names a place, a county named further down beats the city's own name.
  const bodyMentions =
    placedUp || !inBody.some((m) => m.unit !== CITY.slug) ? inBody : inBody.filter((m) => m.unit !== CITY.slug);
  if (!e.wire) add(elsewhere ? bodyMentions.filter((m) => !isFrameWord(e.body, m)) : bodyMentions, 0.5, 5);

  const mentionedSlugs = new Set<string>();
  for (const m of [...inHeadline, ...findMentions(e.lead), ...inBody])
    if (m.unit !== CITY.slug) mentionedSlugs.add(m.unit);
  const mentioned = gazetteer.units.filter((u) => mentionedSlugs.has(u.slug)).map((u) => refOf(u.slug));

  let best: string | null = null;
  let bestScore = 0;
  for (const [unit, v] of scores) {
    const earlier = (firstSeen.get(unit) ?? 0) < (firstSeen.get(best ?? '') ?? Infinity);
    if (v > bestScore || (v === bestScore && earlier)) {
      best = unit;
      bestScore = v;
    }
  }
  // A county named only in the body is enough when nothing above names a place.
  const enough = placedUp ? 1 : 0.5;
  return { county: best && bestScore >= enough ? refOf(best) : null, mentioned };
}
