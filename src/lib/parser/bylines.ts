/**
 * The grammar of credits: 本报讯(记者 张浩 通讯员 赵凯), □记者 … 报道,
 * ■ 本 报 记 者 王军豪, 文/图 记者 吴兆旭, 新华社北京12月23日电（记者 梅常伟）,
 * photo credits after a caption and a commentator's bare name. Pure functions.
 */
import surnamesRaw from '../../data/surnames.json' with { type: 'json' };
import { endsSentence } from './text.ts';

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

const s = (word: string) => [...word].join('\\s*');
const HAN = '\\p{Script=Han}';

/** Role words, longest first; their characters may be spaced out in print. */
const ROLES: Array<[string, CreditRole[]]> = [
  ['本报特约记者', ['reporter']],
  ['本报摄影记者', ['photographer']],
  ['本报特约通讯员', ['correspondent']],
  ['本报通讯员', ['correspondent']],
  ['特约通讯员', ['correspondent']],
  ['本报记者', ['reporter']],
  ['摄影记者', ['photographer']],
  ['特约记者', ['reporter']],
  ['首席记者', ['reporter']],
  ['见习记者', ['reporter']],
  ['全媒体记者', ['reporter']],
  ['通讯员', ['correspondent']],
  ['实习生', ['correspondent']],
  ['记者', ['reporter']],
  ['文/图', ['reporter', 'photographer']],
  ['图/文', ['reporter', 'photographer']],
  ['文／图', ['reporter', 'photographer']],
  ['图／文', ['reporter', 'photographer']],
  ['摄影', ['photographer']],
];
const ROLE_SOURCE = ROLES.map(([w]) => s(w).replace('/', '\\/')).join('|');
const ROLE_AT = new RegExp(`^(?:${ROLE_SOURCE})`, 'u');
const rolesOf = (matched: string): CreditRole[] =>
  ROLES.find(([w]) => w === matched.replace(/\s+/g, ''))?.[1] ?? ['reporter'];

const NAME_CHAR = new RegExp(`[${HAN}·]`, 'u');
const MARKER = /^[■□●▲◆★]\s*/u;

export interface ScannedCredit {
  /** Characters of the input the credit spans. */
  end: number;
  people: People;
  /** The credit named no role word but ended in 摄. */
  endedWith: '报道' | '摄' | null;
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

/**
 * Reads role words and the names after each from the start of `text`.
 * Returns null unless at least one name follows a role word. A name is one to
 * four Han characters ending at a space, 、, a role word or the end.
 */
export function scanCredit(text: string): ScannedCredit | null {
  const people = emptyPeople();
  let i = 0;
  let roles: CreditRole[] | null = null;
  let pendingPhoto = false; // 文/图 before 记者: the reporter also took the pictures
  let tokens: string[] = [];
  let named = 0;
  let end = 0;
  let endedWith: ScannedCredit['endedWith'] = null;
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
    const rest = text.slice(i);
    const space = /^[\s、，,]+/u.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const role = ROLE_AT.exec(rest);
    if (role) {
      const wasPhotoPair = roles !== null && tokens.length === 0 && roles.includes('photographer');
      flush();
      roles = rolesOf(role[0]);
      if (wasPhotoPair) pendingPhoto = true;
      i += role[0].length;
      end = i;
      continue;
    }
    const closing = /^(报\s*道|摄)(?=$|[\s）)])/u.exec(rest);
    if (closing && (tokens.length > 0 || named > 0)) {
      endedWith = closing[1]?.startsWith('报') ? '报道' : '摄';
      if (endedWith === '摄' && roles && !roles.includes('photographer')) roles = ['photographer'];
      i += closing[0].length;
      end = i;
      break;
    }
    if (roles === null) return null;
    let j = 0;
    const chars = [...rest];
    while (j < chars.length && j < 5 && NAME_CHAR.test(chars[j] ?? '')) j++;
    const token = chars.slice(0, j).join('');
    const after = chars[j] ?? '';
    const boundary = after === '' || /[\s、，,）)]/u.test(after) || ROLE_AT.test(chars.slice(j).join(''));
    if (j === 0 || j > 4 || !boundary) break;
    tokens.push(token);
    i += token.length;
    end = i;
  }
  flush();
  if (named === 0) return null;
  return { end, people, endedWith };
}

/** A line that is nothing but a credit: ■本报记者 李兆宪, □记者 高田 报道. */
export function parseCreditLine(text: string): People | null {
  const trimmed = text.trim();
  const marker = MARKER.exec(trimmed);
  const body = trimmed.slice(marker?.[0].length ?? 0);
  const scanned = scanCredit(body);
  if (!scanned || body.slice(scanned.end).trim() !== '') return null;
  // Without a marker a credit needs a space after its role word, so that
  // body copy such as 记者获悉 is never read as a credit.
  if (!marker && !/^(?:本\s*报)?\S*?(?:记\s*者|通\s*讯\s*员|实\s*习\s*生|文\s*[/／]\s*图)\s/u.test(body)) return null;
  return scanned.people;
}

/**
 * A credit that opens a line and is followed by the story:
 * □记者 高田 通讯员 姚晓楠 报道 本报临清讯 连日来,…
 * Needs a marker or the closing 报道 to be sure where the credit ends.
 */
export function splitLeadingCredit(text: string): { credit: string; rest: string; people: People } | null {
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
 * follow a finished sentence and, as parseCreditLine asks, have a space after
 * its role word (记者现场拍摄 is body copy).
 */
const TRAILING_BARE_SHOT =
  /(?<=[。！？”])\s*(?:本\s*报\s*)?(?:摄\s*影\s*)?(?:记\s*者|通\s*讯\s*员|实习生|见习记者|特约记者)\s[^。！？，,（）()]{2,30}摄\s*$/u;

/** A photo credit closing a caption line: …省市。 ■ 本报记者 许金松 */
export function splitTrailingCredit(text: string): { text: string; credit: string; people: People } | null {
  // Every pattern needs a marker or 摄; most lines have neither.
  if (!/[■□摄]/u.test(text)) return null;
  for (const pattern of [TRAILING_MARKED, TRAILING_SHOT, TRAILING_BARE_SHOT]) {
    const m = pattern.exec(text);
    if (!m || m.index === 0) continue;
    const creditText = m[0];
    const inner = creditText
      .trim()
      .replace(MARKER, '')
      .replace(/^[（(]|[）)]$/gu, '');
    const scanned = scanCredit(inner);
    if (!scanned || inner.slice(scanned.end).trim() !== '') continue;
    return { text: text.slice(0, m.index), credit: creditText, people: scanned.people };
  }
  return null;
}

const TRAILING_SIGNOFF =
  /[（(]\s*(?:本\s*报\s*)?(?:记\s*者|通\s*讯\s*员|实习生|见习记者|特约记者)[^（）()]{1,40}[）)]\s*$/u;

/**
 * A story's byline printed after its last sentence: …年底前完工。（记者 张三
 * 通讯员 李四）. Not a photo credit (those end in 摄).
 */
export function splitSignoff(text: string): { text: string; credit: string; people: People } | null {
  const m = TRAILING_SIGNOFF.exec(text);
  if (!m || m.index === 0 || /摄\s*[）)]\s*$/u.test(m[0])) return null;
  const before = text.slice(0, m.index);
  if (!endsSentence(before)) return null;
  const inner = m[0].trim().replace(/^[（(]|[）)]$/gu, '');
  const scanned = scanCredit(inner);
  if (!scanned || inner.slice(scanned.end).trim() !== '') return null;
  return { text: before, credit: m[0], people: scanned.people };
}

const SURNAMES = new Set<string>(surnamesRaw.single.split(''));
const COMPOUND = new Set<string>(surnamesRaw.compound);

/** A plausible personal name: a known surname and one or two more characters. */
export function isPersonName(name: string): boolean {
  const chars = [...name];
  if (!chars.every((c) => NAME_CHAR.test(c))) return false;
  if (COMPOUND.has(chars.slice(0, 2).join(''))) return chars.length >= 3 && chars.length <= 4;
  return SURNAMES.has(chars[0] ?? '') && chars.length >= 2 && chars.length <= 3;
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

const LOCAL_DATELINE = new RegExp(`^\\s*本\\s*报\\s*(?:(?<place>[${HAN}]{1,4}?)\\s*)?讯`, 'u');
const WIRE_PLACE_DATE = `(?<place>[${HAN}]{2,5}?)(?:(?<month>\\d{1,2})月)?(?:(?<day>\\d{1,2})日)?`;
/** 新华社北京12月23日电, 据新华社电: a named agency may leave out place and date. */
const NAMED_WIRE_DATELINE = new RegExp(
  `^\\s*据?\\s*(?<agency>新华社|中新社|中国新闻社|人民日报|大众日报|光明日报|经济日报|工人日报|农民日报|科技日报)` +
    `(?:${WIRE_PLACE_DATE})?电`,
  'u',
);
/** Any other 社 or 网 needs its place (so 合作社电商 is never a dateline). */
const OTHER_WIRE_DATELINE = new RegExp(`^\\s*据?\\s*(?<agency>[${HAN}]{2,4}?(?:社|网))${WIRE_PLACE_DATE}电`, 'u');
const BRACKET_CREDIT = /^\s*[（(]([^（）()]{1,60})[）)]/u;

/** 本报讯(…), 本报聊城讯, 新华社北京12月23日电（记者 梅常伟）, 据新华社电 at the start of a paragraph. */
export function parseDateline(text: string): ParsedDateline | null {
  const local = LOCAL_DATELINE.exec(text);
  const wire = local ? null : (NAMED_WIRE_DATELINE.exec(text) ?? OTHER_WIRE_DATELINE.exec(text));
  const m = local ?? wire;
  if (!m) return null;
  let end = m[0].length;
  const people = emptyPeople();
  const bracket = BRACKET_CREDIT.exec(text.slice(end));
  if (bracket) {
    const scanned = scanCredit(bracket[1] ?? '');
    if (scanned && (bracket[1] ?? '').slice(scanned.end).trim() === '') {
      Object.assign(people, scanned.people);
      end += bracket[0].length;
    }
  }
  const g = m.groups ?? {};
  return {
    raw: text.slice(0, end),
    agency: local ? '本报' : (g.agency ?? ''),
    place: g.place ?? null,
    month: g.month ? Number(g.month) : null,
    day: g.day ? Number(g.day) : null,
    people,
  };
}

/** A credit on a line of its own, with or without the closing 报道. */
export function looksLikeCredit(text: string): boolean {
  return parseCreditLine(text) !== null;
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
