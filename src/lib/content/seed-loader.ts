/**
 * Astro Content Layer loader over seeds/: parses each page and stores its
 * articles or its page record. In `astro dev` it follows the folder: a seed
 * (or its sidecar) added, changed or removed updates that page's records only.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { Article, Page, type Warning } from '../schema.ts';
import { PARSER_VERSION } from '../parser/version.ts';
import { currentKey, parseSeedCached, releaseParses, warmParseCache } from '../parse-cache.ts';
import { refusedResult, refusedSeeds, type Refusal } from '../seeds.ts';

type Kind = 'articles' | 'pages';

const SETTLE_MS = 150;

/**
 * The warnings the build log repeats: what an editor must fix in a file (a
 * sidecar, a correction, the file name, damaged bytes). A story's own doubts
 * are for check:seeds and the dev page view.
 */
const LOGGED = new Set<Warning['code']>(['meta', 'correction', 'file-name', 'encoding']);

/** The loader's name, which is also how it tells the parse cache it has read a seed. */
const loaderName = (kind: Kind) => `seed-loader:${kind}`;

const isSeed = (f: string) => f.toLowerCase().endsWith('.txt');
const seedOf = (f: string) => (f.toLowerCase().endsWith('.meta.json') ? f.replace(/\.meta\.json$/iu, '.txt') : f);

function recordsOf(
  kind: Kind,
  seedPath: string,
  ctx: LoaderContext,
): Array<{ id: string; data: Record<string, unknown> }> {
  const result = parseSeedCached(seedPath, loaderName(kind));
  if (!result.ok) {
    // Reported once, by the pages loader, so a bad file is not warned about twice.
    if (kind === 'pages') ctx.logger.warn(`${result.file}：${result.problem.message}`);
    return [];
  }
  const { page, articles } = result.parsed;
  if (kind === 'pages') {
    for (const w of page.warnings.filter((x) => LOGGED.has(x.code))) {
      ctx.logger.warn(`${page.file}：${w.message}`);
    }
    return [{ id: page.id, data: page }];
  }
  return articles.map((a) => ({ id: a.id, data: a }));
}

// Typed per kind, so `getCollection` hands the site Article and Page records, not unknown data.
export function seedLoader(options: { base: string; kind: 'articles' }): Loader & { schema: typeof Article };
export function seedLoader(options: { base: string; kind: 'pages' }): Loader & { schema: typeof Page };
export function seedLoader(options: { base: string; kind: Kind }): Loader {
  const name = loaderName(options.kind);
  return {
    name,
    schema: options.kind === 'articles' ? Article : Page,
    load: async (ctx) => {
      const { store, meta, watcher, generateDigest, parseData, logger } = ctx;
      const base = path.resolve(fileURLToPath(ctx.config.root), options.base);
      // A new parser may change every record: start from an empty store.
      if (meta.get('parser-version') !== PARSER_VERSION) {
        store.clear();
        meta.set('parser-version', PARSER_VERSION);
      }
      const idsByFile = new Map<string, string[]>(
        JSON.parse(meta.get('ids-by-file') ?? '[]') as Array<[string, string[]]>,
      );
      const saveIds = () => meta.set('ids-by-file', JSON.stringify([...idsByFile]));

      /** Syncs one seed; `refusal` says which file is published instead of it (a copy, or a shared page id). */
      const syncFile = async (file: string, refusal: Refusal | undefined) => {
        const seedPath = path.join(base, file);
        // Unchanged since the records were stored (same bytes, sidecar and parser): nothing to do.
        const key = existsSync(seedPath) ? currentKey(seedPath) : null;
        const stored = idsByFile.get(file);
        const unchanged = key && meta.get(`key:${file}`) === key && stored?.every((id) => store.has(id));
        if (unchanged && refusal === undefined) return;
        let records: ReturnType<typeof recordsOf> = [];
        try {
          // A deleted seed leaves no records behind; nor does one refused for another file.
          if (refusal !== undefined) {
            const result = refusedResult(file, refusal);
            if (options.kind === 'pages' && !result.ok) logger.error(`${file}：${result.problem.message}`);
          } else if (existsSync(seedPath)) records = recordsOf(options.kind, seedPath, ctx);
        } catch (e) {
          logger.error(
            `${file}：读取时出错（${(e as Error).message}），这一版没有发布，其余各版照常发布：请把这个文件交给开发人员`,
          );
        }
        const fresh = new Set<string>();
        for (const r of records) {
          const data = await parseData({
            id: r.id,
            data: r.data,
            filePath: path.relative(fileURLToPath(ctx.config.root), seedPath),
          });
          store.set({ id: r.id, data, digest: generateDigest({ parser: PARSER_VERSION, data: r.data }) });
          fresh.add(r.id);
        }
        for (const old of idsByFile.get(file) ?? []) if (!fresh.has(old)) store.delete(old);
        if (fresh.size > 0) idsByFile.set(file, [...fresh]);
        else idsByFile.delete(file);
        if (key) meta.set(`key:${file}`, key);
        else meta.delete(`key:${file}`);
      };

      /** What was refused at the last sync, so a change elsewhere can free or refuse a file. */
      let lastRefused = new Map<string, Refusal>();
      const sameRefusal = (a: Refusal | undefined, b: Refusal | undefined) => JSON.stringify(a) === JSON.stringify(b);

      /**
       * Syncs seeds, with every file whose refusal a change made or lifted,
       * refused files first: their old records go before the keeper's are written.
       */
      const syncInOrder = async (files: string[]) => {
        const all = readdirSync(base).filter(isSeed).sort();
        const refused = refusedSeeds(base, all);
        const touched = new Set(files);
        for (const f of new Set([...refused.keys(), ...lastRefused.keys()]))
          if (!sameRefusal(refused.get(f), lastRefused.get(f))) touched.add(f);
        lastRefused = refused;
        const refusedFirst = [...touched].sort((a, b) => Number(refused.has(b)) - Number(refused.has(a)));
        for (const file of refusedFirst) await syncFile(file, refused.get(file));
      };

      const files = readdirSync(base).filter(isSeed).sort();
      const present = new Set(files);
      // Records of seeds removed since the last build.
      for (const [file, ids] of idsByFile) {
        if (!present.has(file)) {
          for (const id of ids) store.delete(id);
          idsByFile.delete(file);
        }
      }
      // Seeds whose records are missing or stale are parsed on every core first.
      await warmParseCache(
        files.filter((f) => meta.get(`key:${f}`) !== currentKey(path.join(base, f))).map((f) => path.join(base, f)),
        name,
      );
      await syncInOrder(files);
      saveIds();
      releaseParses(name);

      if (!watcher) return;
      watcher.add(base);
      // A save is often a truncate and a write, and the watcher throttles the
      // second event: read a file only once it has been quiet for a moment.
      const pending = new Map<string, ReturnType<typeof setTimeout>>();
      const onChange = (changed: string) => {
        if (path.dirname(changed) !== base) return;
        const file = seedOf(path.basename(changed));
        if (!isSeed(file)) return;
        clearTimeout(pending.get(file));
        pending.set(
          file,
          setTimeout(() => {
            pending.delete(file);
            // With every file whose refusal the change made or lifted (a copy, a shared page id).
            void warmParseCache([path.join(base, file)], name)
              .then(() => syncInOrder([file]))
              .then(() => {
                saveIds();
                releaseParses(name);
                logger.info(`已重新读取 ${file}`);
              });
          }, SETTLE_MS),
        );
      };
      watcher.on('add', onChange);
      watcher.on('change', onChange);
      watcher.on('unlink', onChange);
    },
  } satisfies Loader;
}
