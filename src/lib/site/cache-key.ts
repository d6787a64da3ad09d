/**
 * The key an incremental build compares to decide whether a page can be
 * copied from the last build (astro.config.mjs: experimental.incrementalBuild).
 * Each dynamic route keys a page on a digest of exactly what the page shows,
 * taken from the same view function its template renders, so the key changes
 * whenever the page would and only then. Astro adds the page's module graph
 * (templates, views, parser code) to the comparison itself.
 */
import { createHash } from 'node:crypto';

/**
 * JSON as the page's data is, keys in the order they were put in. Every
 * record a build keys comes from the content store in its schema's order
 * (zod writes an object's keys in the schema's order, and the store keeps
 * them), and every view is built by the same code each build, so the same
 * data is the same text. Were the same data ever put together in another
 * order, its key would differ and the page would be rendered again: a wasted
 * render, never a stale page. (Sorting every object's keys cost a build of a
 * year's pages some seconds, a rebuild's largest single cost.) Functions and
 * undefined drop out as in JSON: a view's functions are computed from data
 * that is in the key.
 */
function pageJson(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, v: unknown) => {
    // JSON writes a Map or a Set as {}: a key that cannot see what the page shows would let a stale page through.
    if (v instanceof Map || v instanceof Set) throw new TypeError('cacheKeyOf: a Map or Set has no JSON form');
    return v;
  });
}

/**
 * A page's cacheKey: SHA-256 of what it shows (the bytes themselves for a
 * binary file), its first 128 bits in base64url. The build holds one key a
 * file, several times over (the paths, Astro's route cache, the last and the
 * next manifest), and a decade is a million files: 22 characters, not 64.
 */
export function cacheKeyOf(value: unknown): string {
  const hash = createHash('sha256');
  if (value instanceof Uint8Array) hash.update(value);
  else hash.update(pageJson(value) ?? 'undefined');
  return hash.digest().subarray(0, 16).toString('base64url');
}

const recordKeys = new WeakMap<object, string>();

/**
 * A record's key (cacheKeyOf), worked out once however many files show the
 * record: its page, its JSON and CSV, its month's file. Each keys on this
 * digest in place of the record itself. Records are never changed in place,
 * so an object's key holds for as long as the object does.
 */
export function recordKey(record: object): string {
  let key = recordKeys.get(record);
  if (key === undefined) recordKeys.set(record, (key = cacheKeyOf(record)));
  return key;
}
