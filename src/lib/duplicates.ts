/**
 * A page saved twice under two names (a copy kept "just in case", an export
 * run twice) must not be published twice. Two seeds are the same page when
 * their text is identical or near-identical once the parser's door has
 * cleaned it and spacing and character width no longer count: then one is
 * kept and every other copy is refused with a message naming both files.
 *
 * Near-identical is judged on sentences, so a re-wrapped copy matches and a
 * page that merely reprints one story of another does not: at least 90% of
 * the two pages' sentences are shared, or, for pages of up to 20,000
 * characters, at most 2% of their characters differ (a typo fixed in one
 * copy).
 *
 * Text alone never makes two seeds one page when their names or sidecars
 * say they are two: a 公告 reprinted unchanged on 7 and 8 July, or a wire
 * page printed in two papers, is two pages. Seeds are joined only when no
 * date, 报名 or 版次 that both know differs (one that knows nothing joins any).
 *
 * Pages are compared only when they share a rare sentence: one few other
 * pages hold, or one of the rarest sentences of both (a prefix filter:
 * pages that share 90% of their sentences must share one of those, however
 * many copies there are), so a folder of thousands of pages is never
 * compared pair by pair.
 */
import { createHash } from 'node:crypto';
import { distance } from 'fastest-levenshtein';
import { cleanPageText } from './parser/clean-text.ts';

export interface PageFingerprint {
  /** A hash of the whole cleaned text. */
  whole: string;
  /** Hashes of its distinct sentences. */
  sentences: string[];
  /** The cleaned text itself, for an edit distance, when it is short enough. */
  short: string | null;
}

/** Sentences shared by more pages than this are boilerplate, not evidence of a copy (for the 2% rule). */
const COMMON_SENTENCE = 8;
/**
 * More pages than this sharing one of their rarest sentences are not
 * compared: that many near-copies of one page is no editor's folder, and
 * comparing them all would be slow. Identical copies are found however many.
 */
const MOST_COPIES_COMPARED = 200;
const SHARED_SENTENCES = 0.9;
const EDIT_DISTANCE_UP_TO = 20_000;
const DIFFERENT_CHARACTERS = 0.02;

const hash = (text: string) => createHash('sha1').update(text).digest('base64url').slice(0, 16);

/** What a page's text is, for telling copies apart: no spaces, no line ends, one width for every character. */
export function fingerprintText(raw: string): PageFingerprint {
  const text = cleanPageText(raw).text.normalize('NFKC').replace(/\s+/gu, '');
  const sentences = [...new Set(text.split(/(?<=[。！？!?；;])/u).filter(Boolean))].map(hash);
  return { whole: hash(text), sentences, short: text.length <= EDIT_DISTANCE_UP_TO ? text : null };
}

/** What a seed's file name or sidecar says it is; null where it says nothing. */
export interface IssueFacts {
  date: string | null;
  edition: string | null;
  pageLabel: string | null;
}

export const NO_FACTS: IssueFacts = { date: null, edition: null, pageLabel: null };

const FACT_KEYS = ['date', 'edition', 'pageLabel'] as const;

/** Two seeds may be one page only if nothing both of them name differs. */
const agree = (a: IssueFacts, b: IssueFacts) => FACT_KEYS.every((k) => a[k] === null || b[k] === null || a[k] === b[k]);
const together = (a: IssueFacts, b: IssueFacts): IssueFacts => ({
  date: a.date ?? b.date,
  edition: a.edition ?? b.edition,
  pageLabel: a.pageLabel ?? b.pageLabel,
});

export interface SeedCandidate {
  file: string;
  fingerprint: PageFingerprint;
  /** Its date, 报名 and 版次 as its name or sidecar gives them. */
  facts: IssueFacts;
  /** An editor's sidecar belongs with it: the copy worth keeping. */
  hasSidecar: boolean;
  /** Its name carries a date or a page label (2025-07-08_A3.txt), a better name than 副本.txt. */
  namedByIssue: boolean;
}

export interface Duplicate {
  /** The copy that is published. */
  keeper: string;
  identical: boolean;
}

/** Whether two pages are one page: identical, or near-identical (see above). */
function alike(a: PageFingerprint, b: PageFingerprint): boolean {
  if (a.whole === b.whole) return true;
  const inA = new Set(a.sentences);
  const shared = b.sentences.filter((s) => inA.has(s)).length;
  const union = a.sentences.length + b.sentences.length - shared;
  if (union > 0 && shared / union >= SHARED_SENTENCES) return true;
  if (a.short !== null && b.short !== null) {
    const longer = Math.max(a.short.length, b.short.length);
    const within = Math.floor(longer * DIFFERENT_CHARACTERS);
    if (Math.abs(a.short.length - b.short.length) <= within && distance(a.short, b.short) <= within) return true;
  }
  return false;
}

/** What a file manager adds to a copy's name: 「… - 副本」, 「… - Copy」, 「… (2)」, 「复制」. */
const COPY_NAME = /副本|拷贝|复制|\bcopy\b|[(（]\s*\d+\s*[)）]\s*\.[^.]*$/iu;
export const looksLikeACopy = (file: string) => COPY_NAME.test(file);

/**
 * The copy to keep: the one with a sidecar, then the one not named as a copy,
 * then the one whose name says its issue, then the first by name.
 */
function better(a: SeedCandidate, b: SeedCandidate): SeedCandidate {
  if (a.hasSidecar !== b.hasSidecar) return a.hasSidecar ? a : b;
  if (looksLikeACopy(a.file) !== looksLikeACopy(b.file)) return looksLikeACopy(a.file) ? b : a;
  if (a.namedByIssue !== b.namedByIssue) return a.namedByIssue ? a : b;
  return a.file <= b.file ? a : b;
}

/**
 * The pairs worth comparing, by index into the list: pages sharing a
 * sentence few pages hold, and pages sharing one of the rarest sentences of
 * each (the prefix filter: a pair that shares 90% of its sentences shares
 * one of each page's rarest 10% + 1 in any one order of sentences).
 */
function candidatePairs(pages: PageFingerprint[]): Array<[number, number]> {
  const holders = new Map<string, number[]>();
  pages.forEach((p, i) => {
    for (const h of p.sentences) {
      const list = holders.get(h);
      if (list) list.push(i);
      else holders.set(h, [i]);
    }
  });
  const held = (h: string) => holders.get(h)?.length ?? 0;
  const prefixHolders = new Map<string, number[]>();
  pages.forEach((p, i) => {
    const rarest = [...p.sentences].sort((x, y) => held(x) - held(y) || (x < y ? -1 : x > y ? 1 : 0));
    const prefix = rarest.length - Math.ceil(SHARED_SENTENCES * rarest.length) + 1;
    for (const h of rarest.slice(0, prefix)) {
      const list = prefixHolders.get(h);
      if (list) list.push(i);
      else prefixHolders.set(h, [i]);
    }
  });
  const seen = new Set<string>();
  const pairs: Array<[number, number]> = [];
  const addAll = (lists: Iterable<number[]>, most: number) => {
    for (const list of lists) {
      if (list.length < 2 || list.length > most) continue;
      for (const [k, i] of list.entries()) {
        for (const j of list.slice(k + 1)) {
          const pair = `${i}:${j}`;
          if (seen.has(pair)) continue;
          seen.add(pair);
          pairs.push([i, j]);
        }
      }
    }
  };
  addAll(holders.values(), COMMON_SENTENCE);
  addAll(prefixHolders.values(), MOST_COPIES_COMPARED);
  return pairs;
}

/** Every seed that is a copy of another, with the copy that is kept instead. */
export function findDuplicates(seeds: SeedCandidate[]): Map<string, Duplicate> {
  const parent = new Map<string, string>(seeds.map((s) => [s.file, s.file]));
  // What each group of copies is known to be, kept at its root.
  const groupFacts = new Map<string, IssueFacts>(seeds.map((s) => [s.file, s.facts]));
  const root = (f: string): string => {
    let r = f;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    parent.set(f, r);
    return r;
  };
  /** Makes the two one page, unless their names or sidecars say they are two; whether they are now one. */
  const join = (a: string, b: string): boolean => {
    const [ra, rb] = [root(a), root(b)];
    if (ra === rb) return true;
    const [fa, fb] = [groupFacts.get(ra) ?? NO_FACTS, groupFacts.get(rb) ?? NO_FACTS];
    if (!agree(fa, fb)) return false;
    parent.set(ra, rb);
    groupFacts.set(rb, together(fa, fb));
    return true;
  };

  // Identical text first: one representative of each group goes on to the near-identical search.
  const byWhole = new Map<string, SeedCandidate[]>();
  const distinct: SeedCandidate[] = [];
  for (const s of seeds) {
    const same = byWhole.get(s.fingerprint.whole) ?? [];
    if (same.some((other) => join(s.file, other.file))) continue;
    byWhole.set(s.fingerprint.whole, [...same, s]);
    distinct.push(s);
  }
  for (const [i, j] of candidatePairs(distinct.map((s) => s.fingerprint))) {
    const a = distinct[i];
    const b = distinct[j];
    if (!a || !b || root(a.file) === root(b.file)) continue;
    if (!agree(groupFacts.get(root(a.file)) ?? NO_FACTS, groupFacts.get(root(b.file)) ?? NO_FACTS)) continue;
    if (alike(a.fingerprint, b.fingerprint)) join(a.file, b.file);
  }

  const groups = new Map<string, SeedCandidate[]>();
  for (const s of seeds) groups.set(root(s.file), [...(groups.get(root(s.file)) ?? []), s]);
  const out = new Map<string, Duplicate>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const keeper = group.reduce(better);
    for (const s of group) {
      if (s === keeper) continue;
      const identical = s.fingerprint.whole === keeper.fingerprint.whole;
      out.set(s.file, { keeper: keeper.file, identical });
    }
  }
  return out;
}

/** Why a copy is not published, naming both files, and how to publish it if it is really another page. */
export const duplicateMessage = (file: string, d: Duplicate) =>
  `与 ${d.keeper} ${d.identical ? '文字相同' : '文字几乎相同'}，是同一版，只发布 ${d.keeper}。` +
  `如果是复制出来的，请删掉 ${file}；如果确实是另一版（隔天重登的公告、另一份报纸的版面），` +
  `请在它的文件名或附注文件里写明日期、报名或版次，两版就都会发布`;
