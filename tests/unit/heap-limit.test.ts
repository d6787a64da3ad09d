import { describe, expect, it } from 'vitest';
import { BASE_HEAP_MIB, HEAP_PER_SEED_BYTE, heapNeed } from '../../src/lib/build/heap-limit.ts';

const MiB = 2 ** 20;
// Node's default heap limit on this 24 GiB machine, and on a newsroom PC with 8 GiB.
const DEFAULT_HERE = 4144;
const DEFAULT_SMALL = 2048;

describe('heapNeed', () => {
  it('sets no flag while Node’s default is enough: a year of pages builds as plain astro build', () => {
    expect(heapNeed(40e6, DEFAULT_HERE, 24 * 1024)).toEqual({
      limitMiB: null,
      needMiB: Math.ceil((40e6 * HEAP_PER_SEED_BYTE) / MiB) + BASE_HEAP_MIB,
      short: false,
    });
  });

  it('asks for what a decade needs (about 400 MB of seeds), below the machine’s ceiling', () => {
    const need = heapNeed(400e6, DEFAULT_HERE, 24 * 1024);
    expect(need.limitMiB).toBe(Math.ceil((400e6 * HEAP_PER_SEED_BYTE) / MiB) + BASE_HEAP_MIB);
    expect(need.limitMiB).toBeGreaterThan(DEFAULT_HERE);
    expect(need.short).toBe(false);
  });

  it('raises a small machine’s lower default for an archive that needs it', () => {
    const need = heapNeed(132e6, DEFAULT_SMALL, 8 * 1024);
    expect(need.limitMiB).toBe(need.needMiB);
    expect(need.limitMiB).toBeGreaterThan(DEFAULT_SMALL);
  });

  it('never asks for more than three quarters of the machine, and says when that is short', () => {
    expect(heapNeed(400e6, DEFAULT_SMALL, 8 * 1024)).toMatchObject({ limitMiB: 6144, short: true });
  });
});
