/**
 * The grammar of credits: 本报讯(记者 张浩 通讯员 赵凯), □记者 … 报道,
 * ■ 本 报 记 者 王军豪, 文/图 记者 吴兆旭, 新华社北京12月23日电（记者 梅常伟）,
 * photo credits after a caption and a commentator's bare name. Pure functions.
 */
import surnamesRaw from '../../data/surnames.json' with { type: 'json' };
import { asciiDigits, endsSentence, literalAlternation } from './text.ts';
import { gazetteer } from './gazetteer.ts';

export type CreditRole = 'reporter' | 'correspondent' | 'photographer' | 'author';

export interface People {
  reporters: string[];
  correspondents: string[];
  photographers: string[];
  authors: string[];
}

export function emptyPeople(): People {
  return { reporters: [], correspondents: [], photographers: [], authors: [] };
}

const HAN = '\\p{Script=Han}';
const spaced = (word: string) => [...word].join('\\s*');

/**
 * A role word: who the paper says a person is. An outlet may lead it
 * (本报, 聊城日报全媒体, 齐鲁晚报·齐鲁壹点, 新华社, 潍坊日报社), qualifiers
 * may stand between (全媒体, 特约, 首席, 见习, 摄影), and print may space out
 * every character (本 报 记 者).
 */
const OUTLET = `(?:本\\s*报|[${HAN}·]{0,10}?(?:新华社|中新社|壹点)|[${HAN}·]{2,10}?(?:日报社?|晚报|报社|电视台|融媒体中心|新闻网))`;
const QUALIFIER = `(?:${['全媒体', '特约', '首席', '见习', '摄影', '驻站', '融媒'].map(spaced).join('|')})`;
const CORE = `(?:${['记者', '通讯员', '实习生'].map(spaced).join('|')})`;
const SLASHED = `(?:文\\s*[/／]\\s*图|图\\s*[/／]\\s*文|[文图片]\\s*[/／]|摄\\s*影\\s*[/／])`;
/** An outlet's name alone before its reporters' names: 齐鲁晚报·齐鲁壹点 陶春燕 崔宇晴. */
const OUTLET_ALONE = `[${HAN}·]{2,10}?(?:日报|晚报|壹点)(?=\\s+[${HAN}]{2,4}(?:\\s|$))`;
const ROLE_AT = new RegExp(
  `^(?:${SLASHED}|(?:${OUTLET}\\s*)?(?:${QUALIFIER}\\s*)*${CORE}|摄\\s*影(?=\\s)|${OUTLET_ALONE})`,
  'u',
);

function rolesOf(matched: string): CreditRole[] {
  const w = matched.replace(/\s+/gu, '');
  if (/^(?:文[/／]图|图[/／]文)$/u.test(w)) return ['reporter', 'photographer'];
  if (/^文[/／]$/u.test(w)) return ['reporter'];
  if (/^(?:[图片][/／]|摄影[/／]?)$/u.test(w)) return ['photographer'];
  if (/通讯员$/u.test(w)) return ['correspondent'];
  // An intern is neither 记者 nor 通讯员: named in the byline's text, counted in neither list.
  if (/实习生$/u.test(w)) return [];
  return w.includes('摄影记者') ? ['photographer'] : ['reporter'];
}

/** A credit that ends in 摄 (…许金松 摄, （本报记者 王军 摄）): a picture's. */
export const endsWithShot = (text: string) => /摄\s*[）)]?\s*$/u.test(text);

/** Agencies and papers whose copy other papers print, named in credits and datelines. */
const AGENCIES = [
  '新华社',
  '中新社',
  '中国新闻社',
  '人民日报',
  '大众日报',
  '光明日报',
  '经济日报',
  '工人日报',
  '农民日报',
  '科技日报',
];
const AGENCY_AT = new RegExp(`^(${AGENCIES.join('|')})`, 'u');

/** The outlet a role word names when it is not this paper (新华社记者 → 新华社). */
function outletOf(matched: string): string | null {
  return AGENCY_AT.exec(matched.replace(/\s+/gu, ''))?.[1] ?? null;
}

const NAME_CHAR = new RegExp(`[${HAN}·]`, 'u');
const MARKER = /^[■□●▲◆★]\s*/u;
/** Space, list commas and the marks that set credits apart: □通讯员 … □记者 … */
const SEPARATOR = /^[\s、，,■□●▲◆★]+/u;

export interface ScannedCredit {
  /** Characters of the input the credit spans. */
  end: number;
  people: People;
  /** How the credit closed: 报道, or 摄 (摄影报道 too). */
  endedWith: '报道' | '摄' | null;
  /** Another outlet named in a role word (新华社记者): the story is its copy. */
  outlet: string | null;
}

/** Splits "王 芳 李明" style runs: lone characters are halves of a spaced name. */
function mergeSpacedNames(tokens: string[]): string[] {
  const names: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length === 0) return;
    if (run.length <= 3) names.push(run.join(''));
    else for (let i = 0; i < run.length; i += 2) names.push(run.slice(i, i + 2).join(''));
    run = [];
  };
  for (const t of tokens) {
    if ([...t].length === 1) run.push(t);
    else {
      flush();
      names.push(t);
    }
  }
  flush();
  return names;
}

function addPeople(people: People, roles: CreditRole[], names: string[]) {
  for (const role of roles) {
    const list =
      role === 'reporter'
        ? people.reporters
        : role === 'correspondent'
          ? people.correspondents
          : role === 'photographer'
            ? people.photographers
            : people.authors;
    for (const n of names) if (!list.includes(n)) list.push(n);
  }
}

const CLOSING = /^[（(]?(摄\s*影\s*报\s*道|报\s*道|摄)[）)]?(?=$|[\s）)■□])/u;
/** How far ahead the credit scanner reads at each step. */
const SCAN_WINDOW = 48;

/**
 * A name: one to four Han characters (or ·) ending at a space, 、, a marker,
 * a bracket, a role word or the end. Unspaced credits (记者张三通讯员李四)
 * end a name where the next role word begins.
 */
function nameAt(rest: string): string | null {
  const chars = [...rest];
  let j = 0;
  while (j < chars.length && j < 7 && NAME_CHAR.test(chars[j] ?? '')) {
    if (j >= 2 && (ROLE_AT.test(chars.slice(j).join('')) || CLOSING.test(chars.slice(j).join('')))) break;
    j++;
  }
  const after = chars.slice(j).join('');
  const boundary = after === '' || /^[\s、，,）)■□]/u.test(after) || ROLE_AT.test(after) || CLOSING.test(after);
  if (j === 0 || !boundary) return null;
  if (j <= 4) return chars.slice(0, j).join('');
  // 葛思逸王越: two names run together with no space, taken apart only where one split gives two people.
  const run = chars.slice(0, j).join('');
  const splits = [2, 3].filter((k) => isPersonName(run.slice(0, k)) && isPersonName(run.slice(k)));
  return splits.length === 1 ? run.slice(0, splits[0]) : null;
}

/**
 * Reads role words and the names after each from the start of `text`.
 * Returns null unless at least one name follows a role word.
 */
export function scanCredit(text: string): ScannedCredit | null {
  const people = emptyPeople();
  let i = 0;
  let roles: CreditRole[] | null = null;
  let pendingPhoto = false; // 文/图 before 记者: the reporter also took the pictures
  let slash = false; // the last role word was 文/, 片/, 文/图 …
  let tokens: string[] = [];
  let named = 0;
  let end = 0;
  let endedWith: ScannedCredit['endedWith'] = null;
  let outlet: string | null = null;
  const flush = () => {
    if (roles && tokens.length > 0) {
      const names = mergeSpacedNames(tokens);
      addPeople(people, pendingPhoto ? [...roles, 'photographer'] : roles, names);
      named += names.length;
      pendingPhoto = false;
    }
    tokens = [];
  };
  while (i < text.length) {
    // A window is enough for a role word, a name or a closing: a long line costs its length once.
    const rest = text.slice(i, i + SCAN_WINDOW);
    const space = SEPARATOR.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const role = ROLE_AT.exec(rest);
    if (role) {
      // 文/图 本报记者 …, 片/本报记者 …: the slash says what the person after the role word did.
      const slashed = roles !== null && tokens.length === 0 && slash ? roles : null;
      flush();
      roles = rolesOf(role[0]);
      slash = /[/／]/u.test(role[0]);
      outlet ??= outletOf(role[0]);
      if (slashed?.includes('photographer')) {
        if (slashed.includes('reporter')) pendingPhoto = true;
        else roles = ['photographer'];
      }
      i += role[0].length;
      end = i;
      continue;
    }
    const closing = CLOSING.exec(rest);
    if (closing && (tokens.length > 0 || named > 0)) {
      endedWith = closing[1]?.startsWith('报') ? '报道' : '摄';
      // 记者 … 摄 took the picture; a 通讯员 who took it is still credited as 通讯员.
      if (endedWith === '摄' && roles?.includes('reporter')) roles = ['photographer'];
      i += closing[0].length;
      end = i;
      break;
    }
    if (roles === null) return null;
    const token = nameAt(rest);
    if (token === null) break;
    tokens.push(token);
    i += token.length;
    end = i;
  }
  flush();
  if (named === 0) return null;
  return { end, people, endedWith, outlet };
}

/** Names alone in brackets, as 本报讯(王芳) or a signed （孟庆朋）: only plausible personal names. */
export function bareNames(text: string): string[] | null {
  const tokens = text
    .trim()
    .split(/[\s、，,]+/u)
    .filter(Boolean);
  const names = mergeSpacedNames(tokens);
  return names.length > 0 && names.length <= 4 && names.every((n) => isPersonName(n) && !NOT_IN_NAMES.test(n))
    ? names
    : null;
}
/** Characters of the words set in brackets that are no names: （左图）, （高清）, （下转）. */
const NOT_IN_NAMES = /[图照版清讯摄稿文转续完]/u;

const ROLE_ANYWHERE = new RegExp(ROLE_AT.source.slice(1), 'u');
const ROLE_THEN_SPACE = new RegExp(`(?:${ROLE_AT.source.slice(1)})\\s`, 'u');

/**
 * Whether a role word can open the line: every credit has one among its first
 * characters (an outlet's name may stand before it). Most lines are body copy,
 * and this spares them the full scan.
 */
function opensWithRole(text: string): boolean {
  return ROLE_HINT.test(text.trimStart().slice(0, ROLE_HINT_REACH));
}
/** A role word's core, or a slash credit (文/, 片/): one of these is in every credit that names a role. */
export const ROLE_HINT = /记\s*者|通\s*讯\s*员|实\s*习\s*生|[/／]|摄\s*影|日报|晚报|壹点/u;
const ROLE_HINT_REACH = 24;

const SLASH_OPENING = new RegExp(`^${SLASHED}`, 'u');

/** A line that is nothing but a credit, with what it says: ■本报记者 李兆宪, □记者 高田 报道. */
export function readCreditLine(text: string): ScannedCredit | null {
  if (!opensWithRole(text)) return null;
  const trimmed = text.trim();
  const marker = MARKER.exec(trimmed);
  const body = trimmed.slice(marker?.[0].length ?? 0);
  const scanned = scanCredit(body);
  if (!scanned || body.slice(scanned.end).trim() !== '') return null;
  // Without a marker a credit needs a space after a role word, so that
  // body copy such as 记者获悉 is never read as a credit; or it opens with a
  // slash (文/记者万昊图/葛思逸王越), which no sentence does, and names only people.
  if (marker || ROLE_THEN_SPACE.test(body)) return scanned;
  return SLASH_OPENING.test(body) && allPersonNames(scanned.people) ? scanned : null;
}

export function parseCreditLine(text: string): People | null {
  return readCreditLine(text)?.people ?? null;
}

/**
 * A credit that opens a line and is followed by the story:
 * □记者 高田 通讯员 姚晓楠 报道 本报临清讯 连日来,…
 * Needs a marker or the closing 报道 to be sure where the credit ends.
 */
export function splitLeadingCredit(text: string): { credit: string; rest: string; people: People } | null {
  if (!opensWithRole(text)) return null;
  const marker = MARKER.exec(text);
  const body = text.slice(marker?.[0].length ?? 0);
  const scanned = scanCredit(body);
  if (!scanned) return null;
  if (scanned.endedWith !== '报道' && !marker) return null;
  const cut = (marker?.[0].length ?? 0) + scanned.end;
  const rest = text.slice(cut);
  if (rest.trim() === '') return null;
  return { credit: text.slice(0, cut), rest, people: scanned.people };
}

const TRAILING_MARKED = /\s*[■□]\s*[^■□]{2,40}$/u;
const TRAILING_SHOT = /\s*[（(][^（）()]{2,30}摄\s*[）)]\s*$/u;
/**
 * …生产线上作业。 本报通讯员 赵敏 摄: no marker, no brackets, so it must
 * follow a finished sentence and, as readCreditLine asks, have a space after
 * its role word (记者现场拍摄 is body copy).
 */
const TRAILING_BARE_SHOT = new RegExp(
  `(?<=[。！？”])\\s*(?:${ROLE_ANYWHERE.source})(?:\\s[^。！？，,（）()]{2,30}|\\p{Script=Han}{2,4}\\s+)(?:摄|摄影报道)\\s*$`,
  'u',
);

/**
 * …现场火势被成功扑灭。齐鲁晚报·齐鲁壹点记者郭庆文通讯员宋建洲摄影报道: a picture story's credit run
 * on after its last sentence with no space at all; taken only when the credit scanner reads the whole
 * tail as roles and names.
 */
const TRAILING_UNSPACED_SHOT = /(?<=[。！？”])[^\s。！？，,、：:（）()“”]{5,40}?(?:摄影报道|摄)$/u;

/** 崔崴 摄 on its own: names alone and 摄 credit a picture. */
export function readShotNames(text: string): string[] | null {
  const m = /^\s*((?:\p{Script=Han}{2,4}\s*){1,3})摄\s*$/u.exec(text);
  return m ? bareNames(m[1] ?? '') : null;
}

/** …在扫雪。崔崴 摄: names alone and 摄 after a finished sentence. */
const TRAILING_NAMES_SHOT = /(?<=[。！？”])\s*((?:\p{Script=Han}{2,4}\s*){1,3})摄\s*$/u;

/** A photo credit closing a caption line: …省市。 ■ 本报记者 许金松, …在扫雪。崔崴 摄 */
export function splitTrailingCredit(text: string): { text: string; credit: string; people: People } | null {
  // Every pattern needs a marker or 摄; most lines have neither.
  if (!/[■□摄]/u.test(text)) return null;
  const named = TRAILING_NAMES_SHOT.exec(text);
  const names = named && named.index > 0 ? bareNames(named[1] ?? '') : null;
  if (named && names)
    return { text: text.slice(0, named.index), credit: named[0], people: { ...emptyPeople(), photographers: names } };
  for (const pattern of [TRAILING_MARKED, TRAILING_SHOT, TRAILING_BARE_SHOT, TRAILING_UNSPACED_SHOT]) {
    const m = pattern.exec(text);
    if (!m || m.index === 0) continue;
    const creditText = m[0];
    const inner = creditText
      .trim()
      .replace(MARKER, '')
      .replace(/^[（(]|[）)]$/gu, '');
    const scanned = scanCredit(inner);
    // With no space to mark where a name ends (记者现场拍摄), every name must read as a person's.
    const named = pattern !== TRAILING_UNSPACED_SHOT || (scanned !== null && allPersonNames(scanned.people));
    if (scanned && named && inner.slice(scanned.end).trim() === '')
      return { text: text.slice(0, m.index), credit: creditText, people: scanned.people };
    // ■ 本报通讯员 张振祥 is a credit; ■ 张振祥 (a bare name after the marker) is one too.
    const bare = pattern === TRAILING_MARKED ? bareNames(inner) : null;
    if (bare)
      return { text: text.slice(0, m.index), credit: creditText, people: { ...emptyPeople(), photographers: bare } };
  }
  return null;
}

const BRACKETED_END = /[（(]([^（）()]{1,40})[）)]\s*$/u;

/** What a bracketed credit says: role words and names, or names alone (（孟庆朋）). */
function bracketCredit(inner: string): People | null {
  if (/摄\s*$/u.test(inner)) return null;
  const scanned = scanCredit(inner);
  if (scanned) return inner.slice(scanned.end).trim() === '' ? scanned.people : null;
  const bare = bareNames(inner);
  return bare ? { ...emptyPeople(), reporters: bare } : null;
}

/**
 * A story's byline printed after its last sentence: …年底前完工。（记者 张三
 * 通讯员 李四）, or a name alone: …氛围。（孟庆朋）. Not a photo credit (those end in 摄).
 */
export function splitSignoff(text: string): { text: string; credit: string; people: People } | null {
  const m = BRACKETED_END.exec(text);
  if (!m || m.index === 0) return null;
  const before = text.slice(0, m.index);
  if (!endsSentence(before)) return null;
  const people = bracketCredit(m[1] ?? '');
  return people ? { text: before, credit: m[0], people } : null;
}

/** A signed line on its own: （记者 侯晓）, (孟庆朋). */
export function parseSignoffLine(text: string): People | null {
  const m = /^\s*[（(]([^（）()]{1,40})[）)]\s*$/u.exec(text);
  return m ? bracketCredit(m[1] ?? '') : null;
}

const SURNAMES = new Set<string>(surnamesRaw.single.split(''));
const COMPOUND = new Set<string>(surnamesRaw.compound);

/** A plausible personal name: a known surname and one or two more characters. */
function isPersonName(name: string): boolean {
  const chars = [...name];
  if (!chars.every((c) => NAME_CHAR.test(c))) return false;
  if (COMPOUND.has(chars.slice(0, 2).join(''))) return chars.length >= 3 && chars.length <= 4;
  return SURNAMES.has(chars[0] ?? '') && chars.length >= 2 && chars.length <= 3;
}

function allPersonNames(people: People): boolean {
  const names = [...people.reporters, ...people.correspondents, ...people.photographers, ...people.authors];
  return names.length > 0 && names.every(isPersonName);
}

/** The bare name a commentary is signed with (张浩, 张 浩, 本报评论员). */
export function parseAuthorLine(text: string): string[] | null {
  const t = text.trim().replace(MARKER, '');
  if (/^本报(?:特约)?评论员$/u.test(t)) return [t];
  const m = /^(?:文\s*[/／]\s*)?((?:\p{Script=Han}\s?){2,4})$/u.exec(t);
  if (!m) return null;
  const name = (m[1] ?? '').replace(/\s/g, '');
  return isPersonName(name) ? [name] : null;
}

export interface ParsedDateline {
  /** The dateline with any bracketed credit, exactly as printed. */
  raw: string;
  agency: string;
  place: string | null;
  month: number | null;
  day: number | null;
  people: People;
}

/** Place names a county page puts before 讯 without 本报: 东昌府讯, 临清讯. */
const COUNTY_STEMS = [
  ...new Set(gazetteer.units.flatMap((u) => [u.name, u.short, ...u.aliases, u.short.replace(/[区县市]$/u, '')])),
].filter((n) => n.length >= 2);
const DAY = `(?:(?<month>\\d{1,2})\\s*月\\s*)?(?:(?<day>\\d{1,2})\\s*日\\s*)?`;
/** 本报讯, 本报聊城讯, 本报1月27日讯, 本报聊城7月6日讯, 东昌府讯. */
const LOCAL_DATELINE = new RegExp(
  `^\\s*(?:本\\s*报\\s*(?:(?<place>[${HAN}]{1,4}?)\\s*)?|(?<county>${literalAlternation(COUNTY_STEMS)})\\s*)${DAY}讯(?!员)`,
  'u',
);
const WIRE_PLACE_DATE = `(?<place>[${HAN}]{2,5}?)(?:(?<month>\\d{1,2})月)?(?:(?<day>\\d{1,2})日)?`;
/** 电, but not 电话, 电视, 电商…: the words that begin with it. */
const WIRE_END = '电(?![话视商脑力影动子器站网梯费源池线])';
/** 新华社北京12月23日电, 据新华社电: a named agency may leave out place and date. */
const NAMED_WIRE_DATELINE = new RegExp(
  `^\\s*据?\\s*(?<agency>${AGENCIES.join('|')})` + `(?:${WIRE_PLACE_DATE})?${WIRE_END}`,
  'u',
);
/** Any other 社 or 网 needs its place and date (so 合作社电商 and 旅行社工作人员电话 are never datelines). */
const OTHER_WIRE_DATELINE = new RegExp(
  `^\\s*据?\\s*(?<agency>[${HAN}]{2,4}?(?:社|网))(?<place>[${HAN}]{2,5}?)(?<month>\\d{1,2})月(?<day>\\d{1,2})日${WIRE_END}`,
  'u',
);
const BRACKET_CREDIT = /^\s*[（(]([^（）()]{1,60})[）)]/u;
/** How far into a paragraph a dateline with its credit can reach. */
const DATELINE_READ = 160;

/**
 * 本报讯(…), 本报聊城7月6日讯, 东昌府讯, 新华社北京12月23日电（记者 梅常伟）,
 * 据新华社电 at the start of a paragraph, with the credit set inside it: in
 * brackets (names alone too: 本报讯(王芳)), or after a space (本报1月27日讯 记者 于飞 …).
 */
export function parseDateline(printed: string): ParsedDateline | null {
  // 本报１月２７日讯: full-width digits read as ASCII (one character for one, so offsets hold).
  // A dateline and its credit stand in a paragraph's first characters.
  const text = asciiDigits(printed.slice(0, DATELINE_READ));
  const local = LOCAL_DATELINE.exec(text);
  const wire = local ? null : (NAMED_WIRE_DATELINE.exec(text) ?? OTHER_WIRE_DATELINE.exec(text));
  const m = local ?? wire;
  if (!m) return null;
  let end = m[0].length;
  let people = emptyPeople();
  const bracket = BRACKET_CREDIT.exec(text.slice(end));
  const credited = bracket ? bracketCredit(bracket[1] ?? '') : null;
  if (bracket && credited) {
    people = credited;
    end += bracket[0].length;
  } else if (!bracket) {
    const rest = text.slice(end);
    const lead = /^\s+/u.exec(rest)?.[0] ?? '';
    const scanned = lead ? scanCredit(rest.slice(lead.length)) : null;
    // Only a credit that opens with its role word and ends at a space.
    if (scanned && ROLE_AT.test(rest.slice(lead.length)) && /^\s/u.test(rest.slice(lead.length + scanned.end))) {
      people = scanned.people;
      end += lead.length + scanned.end;
    }
  }
  const g = m.groups ?? {};
  return {
    raw: printed.slice(0, end),
    agency: local ? '本报' : (g.agency ?? ''),
    place: g.place ?? g.county ?? null,
    month: g.month ? Number(g.month) : null,
    day: g.day ? Number(g.day) : null,
    people,
  };
}

export function mergePeople(into: People, from: People): People {
  for (const key of ['reporters', 'correspondents', 'photographers', 'authors'] as const) {
    for (const name of from[key]) if (!into[key].includes(name)) into[key].push(name);
  }
  return into;
}

/** A photo credit credits the 记者 as the photographer. */
export function asPhotoCredit(people: People): People {
  return {
    reporters: [],
    correspondents: [...people.correspondents],
    photographers: [...new Set([...people.photographers, ...people.reporters])],
    authors: [...people.authors],
  };
}
