/**
 * A text's sketch: the smallest hashes of its character pairs (a bottom-k
 * MinHash). Two texts share about as much of their sketches as they share of
 * their character pairs, so a story with a typo fixed keeps nearly all of its
 * sketch, and a different story shares almost none. Story ids take their
 * disambiguator from it, and the id ledger matches a story that moved to the
 * id it had before.
 */
import { lettersOnly } from './text.ts';

/** Hashes kept in a sketch: enough to tell a moved story (most shared) from another (almost none). */
export const SKETCH_SIZE = 16;
/** Hashes are 24-bit: six hex digits each in the ledger. */
const HASH_BITS = 24;

/** A 32-bit mix of a character pair (FNV-1a, then MurmurHash3's finaliser to spread the bits). */
function pairHash(a: number, b: number): number {
  let h = 0x811c9dc5;
  h = Math.imul(h ^ a, 0x01000193);
  h = Math.imul(h ^ b, 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) >>> (32 - HASH_BITS);
}

/** The `size` smallest distinct pair hashes of the text's letters and digits, ascending. */
export function sketchOf(text: string, size = SKETCH_SIZE): number[] {
  const letters = lettersOnly(text);
  const kept: number[] = [];
  for (let i = 0; i + 1 < letters.length; i++) {
    const h = pairHash(letters.charCodeAt(i), letters.charCodeAt(i + 1));
    if (kept.length === size && h >= (kept[size - 1] ?? 0)) continue;
    if (kept.includes(h)) continue;
    // Insert in order; a sketch is short, so a linear insert is cheapest.
    let at = kept.length;
    while (at > 0 && (kept[at - 1] ?? 0) > h) at--;
    kept.splice(at, 0, h);
    if (kept.length > size) kept.pop();
  }
  return kept;
}

/**
 * How alike two texts are, 0–1, from their sketches: of the smallest hashes
 * of both together, the share found in each (an estimate of the Jaccard
 * similarity of their character pairs).
 */
export function sketchSimilarity(a: readonly number[], b: readonly number[]): number {
  const size = Math.min(SKETCH_SIZE, Math.max(a.length, b.length));
  if (size === 0) return 0;
  const inB = new Set(b);
  const union = [...new Set([...a, ...b])].sort((x, y) => x - y).slice(0, size);
  const inA = new Set(a);
  return union.filter((h) => inA.has(h) && inB.has(h)).length / size;
}

export const sketchToText = (sketch: readonly number[]) =>
  sketch.map((h) => h.toString(16).padStart(HASH_BITS / 4, '0')).join('');

export function sketchFromText(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + HASH_BITS / 4 <= text.length; i += HASH_BITS / 4) {
    out.push(Number.parseInt(text.slice(i, i + HASH_BITS / 4), 16));
  }
  return out;
}
