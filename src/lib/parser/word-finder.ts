/**
 * Finds many literal words in a text in one pass. Words are bucketed by their
 * first code unit, so each position tries only the few words that can start
 * there: one scan of a story for hundreds of place names or topic keywords,
 * where one indexOf per word, or a regex alternation of them all, cost
 * several times more.
 */
export interface WordMatch {
  word: string;
  index: number;
}

export class WordFinder {
  private readonly byFirstUnit = new Map<number, string[]>();
  /** 1 where some word starts with that code unit: most positions are ruled out without a lookup. */
  private readonly starts = new Uint8Array(0x10000);

  constructor(words: Iterable<string>) {
    for (const word of new Set(words)) {
      if (word === '') continue;
      const first = word.charCodeAt(0);
      this.starts[first] = 1;
      const bucket = this.byFirstUnit.get(first);
      if (bucket) bucket.push(word);
      else this.byFirstUnit.set(first, [word]);
    }
    for (const bucket of this.byFirstUnit.values()) bucket.sort((a, b) => b.length - a.length);
  }

  /** Every word at every position, overlaps included; longest first at each position. */
  forEach(text: string, found: (word: string, index: number) => void): void {
    for (let i = 0; i < text.length; i++) {
      if (this.starts[text.charCodeAt(i)] === 0) continue;
      const bucket = this.byFirstUnit.get(text.charCodeAt(i));
      if (bucket) for (const word of bucket) if (text.startsWith(word, i)) found(word, i);
    }
  }

  /**
   * Leftmost-longest matches that do not overlap: what a regex alternation of
   * the words, longest first, finds.
   */
  matches(text: string): WordMatch[] {
    const out: WordMatch[] = [];
    for (let i = 0; i < text.length;) {
      if (this.starts[text.charCodeAt(i)] === 0) {
        i++;
        continue;
      }
      const bucket = this.byFirstUnit.get(text.charCodeAt(i));
      const word = bucket?.find((w) => text.startsWith(w, i));
      if (word === undefined) {
        i++;
        continue;
      }
      out.push({ word, index: i });
      i += word.length;
    }
    return out;
  }

  /** How often each word occurs, each counted without overlapping itself (as repeated indexOf counts). */
  counts(text: string): Map<string, number> {
    const counts = new Map<string, number>();
    const nextFree = new Map<string, number>();
    this.forEach(text, (word, index) => {
      if (index < (nextFree.get(word) ?? 0)) return;
      counts.set(word, (counts.get(word) ?? 0) + 1);
      nextFree.set(word, index + word.length);
    });
    return counts;
  }
}
