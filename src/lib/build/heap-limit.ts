/**
 * How much heap `npm run build` gives Astro for an archive of a given size.
 *
 * Most of what the build holds is the site's own, bounded by design: pages
 * get ids, not records; the parse of a seed is let go once the content store
 * has it; the search postings are kept encoded. What still grows with the
 * archive is Astro's content store, which the sync writes as one devalue
 * string with a map of every value in it, and every route's paths and keys:
 * the main heap peaks at 17 to 21 times the seeds' size at 10,000 and
 * 30,000 pages (docs/benchmarks.md). Node's default limit is about 4 GB (less on a machine
 * with little memory), which a decade of pages passes; so the build asks for
 * what the archive needs, and no more, so a small archive builds exactly as
 * plain `astro build` would.
 */

/** Heap the build is given per byte of seed text: above the peak measured at every size from 1,000 to 30,000 pages. */
export const HEAP_PER_SEED_BYTE = 24;
/** What the build needs whatever the archive's size: Astro, Vite and the site's code. */
export const BASE_HEAP_MIB = 512;
/** The share of the machine's memory the build may ask for, leaving the rest to the system and the parse workers. */
export const MAX_SHARE_OF_MEMORY = 0.75;

export interface HeapNeed {
  /** The limit to set, in MiB, or null when Node's default is enough. */
  limitMiB: number | null;
  /** What the archive needs, in MiB. */
  needMiB: number;
  /** True when even the largest limit this machine allows is less than the archive needs. */
  short: boolean;
}

export function heapNeed(seedBytes: number, defaultLimitMiB: number, totalMemoryMiB: number): HeapNeed {
  const needMiB = Math.ceil((seedBytes * HEAP_PER_SEED_BYTE) / 2 ** 20) + BASE_HEAP_MIB;
  const ceiling = Math.floor(totalMemoryMiB * MAX_SHARE_OF_MEMORY);
  if (needMiB <= defaultLimitMiB) return { limitMiB: null, needMiB, short: false };
  return { limitMiB: Math.max(defaultLimitMiB, Math.min(needMiB, ceiling)), needMiB, short: needMiB > ceiling };
}
