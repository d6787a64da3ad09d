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
 * copy). Pages are compared only when they share a sentence few other pages
 * hold, so a folder of thousands of pages is never compared pair by pair.
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

/** Sentences shared by more pages than this are boilerplate, not evidence of a copy. */
const COMMON_SENTENCE = 8;
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

export interface SeedCandidate {
  file: string;
  fingerprint: PageFingerprint;
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

/** Every seed that is a copy of another, with the copy that is kept instead. */
export function findDuplicates(seeds: SeedCandidate[]): Map<string, Duplicate> {
  const parent = new Map<string, string>(seeds.map((s) => [s.file, s.file]));
  const root = (f: string): string => {
    let r = f;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    parent.set(f, r);
    return r;
  };
  const join = (a: string, b: string) => parent.set(root(a), root(b));

  // Identical text first: one representative each goes on to the near-identical search.
  const byWhole = new Map<string, SeedCandidate>();
  const distinct: SeedCandidate[] = [];
  for (const s of seeds) {
    const first = byWhole.get(s.fingerprint.whole);
    if (first) join(s.file, first.file);
    else {
      byWhole.set(s.fingerprint.whole, s);
      distinct.push(s);
    }
  }
  const holders = new Map<string, number[]>();
  distinct.forEach((s, i) => {
    for (const h of s.fingerprint.sentences) {
      const list = holders.get(h);
      if (list) list.push(i);
      else holders.set(h, [i]);
    }
  });
  const compared = new Set<string>();
  for (const list of holders.values()) {
    if (list.length < 2 || list.length > COMMON_SENTENCE) continue;
    for (const [k, i] of list.entries()) {
      for (const j of list.slice(k + 1)) {
        const pair = `${i}:${j}`;
        if (compared.has(pair)) continue;
        compared.add(pair);
        const a = distinct[i];
        const b = distinct[j];
        if (a && b && alike(a.fingerprint, b.fingerprint)) join(a.file, b.file);
      }
    }
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

export const duplicateMessage = (file: string, d: Duplicate) =>
  `skipped: ${d.identical ? 'the same text as' : 'nearly the same text as'} ${d.keeper}, which is published instead; ` +
  `delete ${file} if it is a copy, or change it if it is really another page`;
