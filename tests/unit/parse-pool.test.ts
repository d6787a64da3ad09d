import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInParallel } from '../../src/lib/parse-pool.ts';
import { parseSeedFile } from '../../src/lib/seeds.ts';
import { SEEDS_DIR, seedFiles } from '../helpers/seeds.ts';

describe('parsing on every core', () => {
  it('gives exactly the records parsing in one thread gives', async () => {
    const files = seedFiles().map((f) => path.join(SEEDS_DIR, f));
    const parallel = await parseInParallel(files, 2);
    expect([...parallel.keys()].sort()).toEqual([...files].sort());
    for (const f of files) expect(parallel.get(f)).toEqual(parseSeedFile(f));
  });
});
