/**
 * Astro Content Layer loader for the stories that moved: every id in the id
 * ledger (seeds/ids.json) that names no story now, but whose story lives on
 * under another id, as { id: old id, data: { to: new id } }. The site turns
 * each into a redirect page. It also computes the ledger with today's ids
 * in it, so an id published today is redirected if it changes tomorrow, and
 * stages it: only `astro build`, once done, writes it back
 * (id-ledger-integration.ts); `astro check`, `astro sync` and `astro dev`
 * only read it.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { z } from 'zod';
import {
  ledgerStoryOf,
  movedIds,
  notStoryIds,
  searchNumbers,
  storiesInOrder,
  updateLedger,
  withSearchNumbers,
  type LedgerStory,
} from '../id-ledger.ts';
import { LEDGER_FILE, readIdLedger, stageIdLedger } from '../id-ledger-file.ts';
import { currentKey, parseSeedCached, releaseParses, warmParseCache } from '../parse-cache.ts';
import { refusedSeeds } from '../seeds.ts';
import { sketchFromText, sketchToText } from '../parser/text-sketch.ts';

export const MovedArticle = z.object({ to: z.string() });

const SETTLE_MS = 300;
const isSeed = (f: string) => f.toLowerCase().endsWith('.txt');

/** A seed's stories as stored between builds, so an unchanged seed is not parsed again for them. */
const StoredStories = z.array(
  z.object({ id: z.string(), title: z.string(), headline: z.string().nullable(), sketch: z.string() }),
);

export function movedArticlesLoader(options: { base: string }): Loader {
  const name = 'moved-articles-loader';
  return {
    name,
    schema: MovedArticle,
    load: async ({ store, meta, watcher, logger, config, parseData, generateDigest }) => {
      const base = path.resolve(fileURLToPath(config.root), options.base);

      /** A seed's stories: from the last build when the seed is unchanged (its key holds the parser version), else parsed. */
      const storiesOf = (file: string): LedgerStory[] => {
        const seedPath = path.join(base, file);
        const key = currentKey(seedPath);
        const kept = key && meta.get(`key:${file}`) === key ? meta.get(`stories:${file}`) : undefined;
        const stored = kept === undefined ? null : StoredStories.safeParse(JSON.parse(kept));
        if (stored?.success) return stored.data.map((s) => ({ ...s, sketch: sketchFromText(s.sketch) }));
        const result = parseSeedCached(seedPath, name);
        const stories = result.ok ? result.parsed.articles.map(ledgerStoryOf) : [];
        if (key) {
          meta.set(`key:${file}`, key);
          meta.set(`stories:${file}`, JSON.stringify(stories.map((s) => ({ ...s, sketch: sketchToText(s.sketch) }))));
        }
        return stories;
      };

      /** Stages the ledger for the build to write when done (a build, astro check or astro sync; never astro dev). */
      const sync = async (stage: boolean) => {
        const files = readdirSync(base).filter(isSeed).sort();
        // Forget the stories of seeds that are gone.
        const before = z.array(z.string()).parse(JSON.parse(meta.get('files') ?? '[]'));
        for (const gone of before.filter((f) => !files.includes(f))) {
          meta.delete(`key:${gone}`);
          meta.delete(`stories:${gone}`);
        }
        meta.set('files', JSON.stringify(files));
        // The pages the site publishes: a copy or a clashing name refused for another file is not (the same rule as the seed loader's).
        const refused = refusedSeeds(base, files);
        const published = files.filter((f) => !refused.has(f));
        // Seeds not seen since they changed are parsed on the seed loaders' worker pool, which this waits for rather than parse them again.
        await warmParseCache(
          published
            .filter((f) => meta.get(`key:${f}`) !== currentKey(path.join(base, f)))
            .map((f) => path.join(base, f)),
          name,
        );
        const pages = published.map((file) => ({ file, stories: storiesOf(file) }));
        releaseParses(name);
        const { ledger, problem } = readIdLedger(base);
        if (problem) logger.warn(problem);
        for (const id of notStoryIds(ledger)) logger.warn(`${LEDGER_FILE}：「${id}」不是稿件编号，不为它生成跳转页`);
        const updated = updateLedger(ledger, pages);
        const live = new Set(pages.flatMap((p) => p.stories.map((s) => s.id)));
        const moves = movedIds(updated, live);
        store.clear();
        for (const [id, to] of moves) {
          store.set({ id, data: await parseData({ id, data: { to } }), digest: generateDigest({ to }) });
        }
        // Not when the ledger on disk could not be read: what it held would be lost.
        if (stage && !problem) {
          // The search numbers the site's search index gives these stories (site/search-index.ts), so the next build keeps them.
          const numbers = searchNumbers(ledger, storiesInOrder(pages), moves);
          stageIdLedger(base, withSearchNumbers(updated, numbers));
        }
      };

      await sync(!watcher);
      if (!watcher) return;
      let pending: ReturnType<typeof setTimeout> | undefined;
      const onChange = (changed: string) => {
        if (path.dirname(changed) !== base) return;
        clearTimeout(pending);
        pending = setTimeout(() => void sync(false), SETTLE_MS);
      };
      watcher.on('add', onChange);
      watcher.on('change', onChange);
      watcher.on('unlink', onChange);
    },
  } satisfies Loader;
}
