/**
 * The id ledger (seeds/ids.json): every story id the archive has published,
 * with the story's title and a sketch of its text, by seed file. Ids are a
 * function of the page alone (story-id.ts), so when an editor inserts, splits
 * or merges stories, the stories below get new ids; the ledger remembers the
 * old ones, and each old id whose story can still be found — by the sketch of
 * its text — becomes a redirect to the story's new address, and a sidecar
 * correction written for it is applied to the story where it now is.
 */
import { z } from 'zod';
import { Article } from './schema.ts';
import { sketchFromText, sketchOf, sketchSimilarity, sketchToText } from './parser/text-sketch.ts';
import { positionInId } from './parser/story-id.ts';
import { titleOf } from './site/titles.ts';

export const LedgerEntry = z
  .object({
    /** The story's title when the id was last seen, as the site shows it (titleOf), for a person reading the ledger. */
    title: z.string(),
    /** Its printed headline, when it had one: only the same printed headline marks the part of a split story its old id goes to. */
    headline: z.string().optional(),
    /** The sketch of its text (text-sketch.ts), six hex digits a hash. */
    sketch: z.string().regex(/^(?:[0-9a-f]{6})*$/u),
    /** Where the story went when this id stopped naming one. */
    movedTo: z.string().optional(),
    /**
     * The story's search document number (/search-index/docs/<n>.json), kept
     * while it is published and passed on when its id moves: a story added
     * or removed elsewhere renumbers no other, so their search files stay as
     * they were. A number is never given to another story.
     */
    search: z.number().int().nonnegative().optional(),
  })
  .strict();

export const IdLedger = z
  .object({
    about: z.string().optional(),
    /** Seed file → story id → entry. */
    pages: z.record(z.string(), z.record(z.string(), LedgerEntry)),
  })
  .strict();

export type LedgerEntry = z.infer<typeof LedgerEntry>;
export type IdLedger = z.infer<typeof IdLedger>;
/** One seed file's ids. */
export type PageLedger = Record<string, LedgerEntry>;

export const EMPTY_LEDGER: IdLedger = { pages: {} };

export const LEDGER_ABOUT =
  'Every story id this archive has published, by seed file, with a sketch of its text: the build matches a story whose id changed to its old id and keeps the old address as a redirect. Written by npm run build; commit it with the seeds.';

/** Two sketches this alike are the same story, edited: most of a story's character pairs survive any edit but a rewrite. */
export const SAME_STORY = 0.5;

const storyText = (a: Article) => [a.kicker, a.headline, a.subheadline, ...a.paragraphs, ...a.captions].join('\n');

/** A live story as the ledger sees it: its id, its title as the site shows it, its printed headline and the sketch of its text. */
export interface LedgerStory {
  id: string;
  title: string;
  headline: string | null;
  sketch: readonly number[];
}

export const ledgerStoryOf = (a: Article): LedgerStory => ({
  id: a.id,
  title: titleOf(a),
  headline: a.headline,
  sketch: sketchOf(storyText(a)),
});

export const ledgerEntryOf = (s: LedgerStory): LedgerEntry => ({
  title: s.title,
  ...(s.headline === null ? {} : { headline: s.headline }),
  sketch: sketchToText(s.sketch),
});

/** A story under the same printed headline that kept this much of the text is the same story, split (its headline stayed with it). */
export const SAME_TITLE = 0.25;

/**
 * The story most like the entry's, with how alike (null when none shares
 * anything). A story under the entry's own printed headline is preferred
 * once it shares a quarter of the text: when a story is split, its readers
 * want the part under its headline, though the rest may be longer. Only a
 * printed headline counts: a column label or a made-up title (目击, 图片新闻,
 * 简讯) is shared by stories that have nothing else in common.
 */
function mostAlike(entry: LedgerEntry, stories: readonly LedgerStory[]) {
  const sketch = sketchFromText(entry.sketch);
  let best: { story: LedgerStory; similarity: number; rank: number } | null = null;
  for (const story of stories) {
    const similarity = sketchSimilarity(sketch, story.sketch);
    const sameHeadline = entry.headline !== undefined && story.headline === entry.headline;
    const rank = similarity + (sameHeadline && similarity >= SAME_TITLE ? 1 : 0);
    if (similarity > 0 && rank > (best?.rank ?? 0)) best = { story, similarity, rank };
  }
  return best;
}

/** How many movedTo steps are followed before giving up (a chain longer than this is a loop). */
const MAX_CHAIN = 32;

/**
 * Where the story a ledger id named is now, among the page's stories: the
 * story the ledger says it moved to (following later moves), else the story
 * whose text matches its sketch. null when the ledger does not know the id
 * or no story is like it.
 */
export function whereNow(
  id: string,
  previous: PageLedger,
  stories: readonly LedgerStory[],
  /** Every live story by id, when a move may have crossed pages (the entry's page is gone). */
  liveById: ReadonlyMap<string, LedgerStory> = new Map(stories.map((s) => [s.id, s])),
): LedgerStory | null {
  let entry = previous[id];
  if (!entry) return null;
  const first = entry;
  for (let step = 0; step < MAX_CHAIN && entry?.movedTo; step++) {
    const live = liveById.get(entry.movedTo);
    if (live) return live;
    entry = previous[entry.movedTo];
  }
  const match = mostAlike(first, stories);
  return match && match.rank >= SAME_STORY ? match.story : null;
}

/**
 * The current story closest to an id that names none: by its text when the
 * ledger knows the id, else by the position the id names.
 */
export function closestStory(
  id: string,
  previous: PageLedger,
  stories: readonly LedgerStory[],
): { story: LedgerStory; by: 'text' | 'position' } | null {
  const entry = previous[id.replace(/-p\d+$/u, '')];
  const match = entry ? mostAlike(entry, stories) : null;
  if (match) return { story: match.story, by: 'text' };
  const position = positionInId(id);
  const story = position === null ? null : (stories[position - 1] ?? stories.at(-1));
  return story ? { story, by: 'position' } : null;
}

const byKey = <T>(entries: Array<[string, T]>) => entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * The ledger after a build: every live story under its id (title and sketch
 * brought up to date), and every id no longer live kept, with where its
 * story went when that can be found. A page whose seed is gone keeps its
 * entries, matched against every live story (a renamed file). An id keeps
 * the movedTo it had when no story is found for it in this build: its
 * target may be missing only for now (a seed that failed to parse, was
 * refused or was emptied mid-edit), and movedIds redirects only to a live
 * story anyway.
 */
export function updateLedger(
  ledger: IdLedger,
  pages: ReadonlyArray<{ file: string; stories: readonly LedgerStory[] }>,
): IdLedger {
  const out: IdLedger = { about: LEDGER_ABOUT, pages: {} };
  const present = new Set(pages.map((p) => p.file));
  const everyStory = pages.flatMap((p) => p.stories);
  // A move may have crossed pages (a page renamed, and later a new page under the old name): targets are looked up everywhere.
  const liveById = new Map(everyStory.map((s) => [s.id, s]));
  const carryOver = (
    previous: PageLedger,
    live: PageLedger,
    whereIs: (id: string, entry: LedgerEntry) => LedgerStory | null,
  ) => {
    for (const [id, entry] of Object.entries(previous)) {
      if (live[id]) continue;
      const movedTo = whereIs(id, entry)?.id ?? entry.movedTo;
      live[id] = { ...entry, ...(movedTo ? { movedTo } : {}) };
    }
  };
  for (const { file, stories } of pages) {
    const live: PageLedger = Object.fromEntries(stories.map((s) => [s.id, ledgerEntryOf(s)]));
    const previous = ledger.pages[file] ?? {};
    carryOver(previous, live, (id) => whereNow(id, previous, stories, liveById));
    out.pages[file] = live;
  }
  const gone = Object.entries(ledger.pages).filter(([file]) => !present.has(file));
  if (gone.length > 0) {
    // A page whose seed is gone (renamed?): its stories are looked for among every live story that shares a hash.
    const byHash = new Map<number, LedgerStory[]>();
    for (const story of everyStory) {
      for (const h of story.sketch) {
        const list = byHash.get(h);
        if (list) list.push(story);
        else byHash.set(h, [story]);
      }
    }
    const sharing = (entry: LedgerEntry) => [
      ...new Set(sketchFromText(entry.sketch).flatMap((h) => byHash.get(h) ?? [])),
    ];
    for (const [file, previous] of gone) {
      const kept: PageLedger = {};
      carryOver(previous, kept, (id, entry) => whereNow(id, previous, sharing(entry), liveById));
      out.pages[file] = kept;
    }
  }
  // Files and ids in a stable order, so an unchanged archive writes the same file.
  out.pages = Object.fromEntries(
    byKey(Object.entries(out.pages)).map(([file, ids]) => [file, Object.fromEntries(byKey(Object.entries(ids)))]),
  );
  return out;
}

/** The published stories' ids in the order new search numbers are given: pages by file name, stories in page order. */
export const storiesInOrder = (pages: ReadonlyArray<{ file: string; stories: ReadonlyArray<{ id: string }> }>) =>
  [...pages]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .flatMap((p) => p.stories.map((s) => s.id));

/**
 * Every live story's search number: the one the ledger gives its id; else,
 * for a story whose id changed, its old id's; else a new one, after every
 * number the ledger has ever given, in the order the stories are listed
 * (pages by file name, stories in page order), so a new day's stories take
 * the next numbers. `moves` maps an old id to the live id its story has now
 * (movedIds). The same ledger, stories and moves give the same numbers.
 */
export function searchNumbers(
  ledger: IdLedger,
  storiesInOrder: readonly string[],
  moves: ReadonlyMap<string, string>,
): Map<string, number> {
  const given = new Map<string, number>();
  let last = -1;
  for (const ids of Object.values(ledger.pages)) {
    for (const [id, entry] of Object.entries(ids)) {
      if (entry.search === undefined) continue;
      last = Math.max(last, entry.search);
      // An id listed on two pages (a renamed file) keeps its lower number.
      given.set(id, Math.min(entry.search, given.get(id) ?? Infinity));
    }
  }
  const numbers = new Map<string, number>();
  const taken = new Set<number>();
  const take = (id: string, n: number | undefined) => {
    if (n === undefined || taken.has(n) || numbers.has(id)) return;
    numbers.set(id, n);
    taken.add(n);
  };
  for (const id of storiesInOrder) take(id, given.get(id));
  const live = new Set(storiesInOrder);
  for (const [old, to] of [...moves].sort(([a], [b]) => (a < b ? -1 : 1))) if (live.has(to)) take(to, given.get(old));
  for (const id of storiesInOrder) take(id, numbers.has(id) ? undefined : ++last);
  return numbers;
}

/** The ledger with each live story's search number written in (searchNumbers). */
export function withSearchNumbers(ledger: IdLedger, numbers: ReadonlyMap<string, number>): IdLedger {
  const pages: IdLedger['pages'] = {};
  for (const [file, ids] of Object.entries(ledger.pages)) {
    pages[file] = Object.fromEntries(
      Object.entries(ids).map(([id, entry]) => {
        const n = entry.movedTo === undefined ? numbers.get(id) : undefined;
        return [id, n === undefined ? entry : { ...entry, search: n }];
      }),
    );
  }
  return { ...ledger, pages };
}

/** Whether a ledger key has the shape of a story id (the Article schema's): only such a key may become an address. */
export const isStoryId = (id: string) => Article.shape.id.safeParse(id).success;

/** Ledger keys that are not story ids (a hand-edited ledger): never redirected, and reported. */
export const notStoryIds = (ledger: IdLedger) =>
  Object.values(ledger.pages)
    .flatMap((ids) => Object.keys(ids))
    .filter((id) => !isStoryId(id))
    .sort();

/**
 * Every ledger id that names no live story but whose story is live under
 * another id: old id → live id. A key that is not a story id is left out: it
 * becomes a route parameter, which would take a / or .. as a path.
 */
export function movedIds(ledger: IdLedger, liveIds: ReadonlySet<string>): Map<string, string> {
  const entries = new Map(Object.values(ledger.pages).flatMap((ids) => Object.entries(ids)));
  const moves = new Map<string, string>();
  for (const [id, entry] of entries) {
    if (liveIds.has(id) || !isStoryId(id)) continue;
    let to = entry.movedTo;
    for (let step = 0; step < MAX_CHAIN && to && !liveIds.has(to); step++) to = entries.get(to)?.movedTo;
    if (to && liveIds.has(to)) moves.set(id, to);
  }
  return moves;
}
