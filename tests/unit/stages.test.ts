/**
 * Fixtures per stage: tests/fixtures/stages/<stage>/<case>/input.txt (real
 * page text) and expected.json (what that stage decides). Run with
 * UPDATE_FIXTURES=1 to write expected.json from the current parser — then
 * read every change before committing it.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../helpers/stages.ts';

const ROOT = path.resolve(import.meta.dirname, '../fixtures/stages');
const update = process.env.UPDATE_FIXTURES === '1';

describe.each(Object.keys(STAGES))('stage %s', (stage) => {
  const dir = path.join(ROOT, stage);
  const cases = existsSync(dir) ? readdirSync(dir).sort() : [];

  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s', (name) => {
    const input = readFileSync(path.join(dir, name, 'input.txt'), 'utf8');
    const actual = JSON.parse(JSON.stringify(STAGES[stage]?.(input, `${name}.txt`)));
    const expectedFile = path.join(dir, name, 'expected.json');
    if (update) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
  });
});
