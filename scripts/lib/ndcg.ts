/**
 * Graded relevance for the search benchmark: nDCG@k against hand-written
 * judgments (tests/search-judgments.json).
 *
 * Why not "the story contains the query as printed": that truth is the
 * definition of one engine (literal substring search) and so scores it
 * perfect and any other engine as wrong whenever it differs — on a typo
 * (轴乘 meant 轴承), a sentence (临清的轴承产业怎么样), a common word (企业,
 * in most stories, about few), or a story that is about a thing without
 * printing its name. The grades were instead written by hand from reading the
 * seed stories: 3 the story is about it, 2 a substantial part, 1 in passing,
 * 0 otherwise. They name stories by a piece of their headline (or "text:" and
 * a piece of their first paragraph or caption), chosen to survive what
 * `make-corpus` does to a copy (new county and town names, new figures), so
 * every generated copy of a relevant story is relevant too. Where a copy's
 * relevance changes with what `make-corpus` did to it (a new county, a new
 * reporter) a judgment is bound to a place, or the query to a byline or place
 * rule: use `gradeFor` for any corpus.
 *
 * Pure functions, no I/O.
 */

/** One hand-written judgment: the story a key names, and how relevant it is. */
export interface Judgment {
  /** A piece of the story's headline, or "text:" and a piece of its first paragraph (or caption). */
  story: string;
  grade: number;
  /**
   * The grade holds only while the story prints this place: a copy
   * `make-corpus` moved to another county is about that county, not this one
   * (茌平区重点项目 becomes 冠县重点项目, no answer to 在平区 重点项目). A
   * judgment can name a story that does not print the place on the seeds:
   * it then scores 0 there and counts for the copies moved to that place.
   */
  place?: string;
}

/** A query and its judgments, as in tests/search-judgments.json. */
export interface JudgedQuery {
  q: string;
  kind: string;
  judged: Judgment[];
  /**
   * The query is a reporter's name: a story is relevant (3) when its byline
   * names them, whatever story it is. `make-corpus` gives every copy a new
   * reporter, so the copies of the seed stories `judged` lists are mostly by
   * someone else; on the seeds the rule and `judged` agree.
   */
  byline?: boolean;
  /**
   * The query asks for stories set in this place (a county or town, as the
   * reader meant it: 茌平 for 在平区). `make-corpus` moves county stories and
   * renames their towns, so any county story may land there: a story is
   * graded by `placeGrade`. On the seeds the rule and `judged` agree.
   */
  setIn?: string;
  /** The list stops at the most relevant stories; others that mention the word score 0. */
  capped?: boolean;
}

/** The parts of a story (an `Article`) the judgments look at. */
export interface StoryText {
  headline: string | null;
  paragraphs: readonly string[];
  captions?: readonly string[];
  kicker?: string | null;
  subheadline?: string | null;
  byline?: { raw: string };
}

const TEXT = 'text:';

function headOf(story: StoryText): string[] {
  return [story.kicker, story.headline, story.subheadline].filter((t): t is string => typeof t === 'string');
}

function bodyOf(story: StoryText): string[] {
  return [...story.paragraphs, ...(story.captions ?? [])];
}

/**
 * Whether a judgment's key names this story. A headline key: the story's head
 * (kicker, headline, subheadline — the parser does not always split a
 * generated page's head the way the seed's was split) contains it, or, when
 * the parser found no headline, its first paragraph does (the head run into
 * the text). A "text:" key (stories printed without a headline): the first
 * paragraph or, for a photo, the first caption contains the rest.
 */
export function matchesKey(story: StoryText, key: string): boolean {
  if (key.startsWith(TEXT)) {
    const piece = key.slice(TEXT.length);
    if (piece === '') return false;
    return [story.paragraphs[0], story.captions?.[0]].some((t) => t !== undefined && t.includes(piece));
  }
  if (key === '') return false;
  if (headOf(story).some((t) => t.includes(key))) return true;
  return story.headline === null && (story.paragraphs[0]?.includes(key) ?? false);
}

/** The grade the judgments give this story: the highest one whose key names it (and whose place it prints), else 0. */
export function gradeOf(story: StoryText, judged: readonly Judgment[]): number {
  let grade = 0;
  for (const j of judged) {
    if (!matchesKey(story, j.story)) continue;
    if (j.place !== undefined && ![...headOf(story), ...bodyOf(story)].some((t) => t.includes(j.place ?? ''))) continue;
    grade = Math.max(grade, j.grade);
  }
  return grade;
}

/**
 * How much a story is set in a place: 3 when its head names it or its text
 * names it twice or more (the story happens there), 2 when its text names it
 * once (one scene, or the district named once), else 0.
 */
export function placeGrade(story: StoryText, place: string): number {
  if (place === '') return 0;
  if (headOf(story).some((t) => t.includes(place))) return 3;
  const times = bodyOf(story).reduce((n, t) => n + t.split(place).length - 1, 0);
  return times >= 2 ? 3 : times === 1 ? 2 : 0;
}

/**
 * The grade for a query in any corpus, the seeds or a generated one: by
 * byline for a reporter's name, by place for a place, else `gradeOf`.
 */
export function gradeFor(query: JudgedQuery, story: StoryText): number {
  if (query.byline === true) return story.byline?.raw.includes(query.q) === true ? 3 : 0;
  if (query.setIn !== undefined) return placeGrade(story, query.setIn);
  return gradeOf(story, query.judged);
}

function checkGrades(grades: readonly number[], what: string): void {
  for (const g of grades)
    if (!Number.isFinite(g) || g < 0) throw new RangeError(`${what}: grade ${g} is not a finite number ≥ 0`);
}

/** Discounted cumulative gain of the first k grades: gain 2^g − 1, discount log2(rank + 1). */
export function dcgAt(k: number, grades: readonly number[]): number {
  let sum = 0;
  grades.slice(0, k).forEach((g, i) => {
    sum += (2 ** g - 1) / Math.log2(i + 2);
  });
  return sum;
}

/**
 * nDCG@k: the DCG of the first k ranked grades over the DCG of the best
 * possible first k, `idealGrades` sorted highest first.
 *
 * @param rankedGrades the grades of the stories an engine returned, in its order.
 * @param idealGrades the grades of every relevant story in the corpus, in any
 *   order (zeros may be left out): a corpus holding five copies of the one
 *   relevant story has five 3s here, and an engine that finds one copy scores
 *   well below 1.
 * @returns 1 when the corpus holds no relevant story and none was ranked (there
 *   was nothing to find; a benchmark should report such queries apart rather
 *   than average them in), else a number in [0, 1]; 0 for an empty ranking.
 * @throws RangeError when k is not a positive integer, a grade is negative or
 *   not finite, or the ranking holds relevant stories the ideal does not (more
 *   stories of some grade than the ideal has — including any relevant story
 *   when the ideal has none). That means the ideal was not counted over the
 *   whole corpus the engine searched: a bug in the caller, which a score of 0
 *   (or above 1) would hide.
 */
export function ndcgAt(k: number, rankedGrades: readonly number[], idealGrades: readonly number[]): number {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, not ${k}`);
  checkGrades(rankedGrades, 'ranked');
  checkGrades(idealGrades, 'ideal');
  const top = rankedGrades.slice(0, k);
  const available = new Map<number, number>();
  for (const g of idealGrades) if (g > 0) available.set(g, (available.get(g) ?? 0) + 1);
  for (const g of top) {
    if (g <= 0) continue;
    const left = available.get(g) ?? 0;
    if (left === 0)
      throw new RangeError(
        `the ranking holds more stories of grade ${g} than the ideal: count the ideal over the whole corpus`,
      );
    available.set(g, left - 1);
  }
  const best = dcgAt(
    k,
    [...idealGrades].filter((g) => g > 0).sort((a, b) => b - a),
  );
  if (best === 0) return 1;
  return dcgAt(k, top) / best;
}
