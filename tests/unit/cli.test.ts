import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseOutput } from '../../src/lib/schema.ts';
import { SEEDS_DIR, seedFiles } from '../helpers/seeds.ts';

const root = path.resolve(import.meta.dirname, '../..');
const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'scripts', script), ...args], { cwd: root, encoding: 'utf8' });

describe('npm run parse', () => {
  it('writes { pages, articles } for a folder of seeds', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'parse-')), 'out.json');
    const r = run('parse.ts', ['--seeds', SEEDS_DIR, '--out', out]);
    expect(r.status).toBe(0);
    const data = ParseOutput.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(data.pages.map((p) => p.file)).toEqual(seedFiles());
    expect(data.articles.length).toBe(40);
  });

  it('skips an unreadable file with a warning naming it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parse-'));
    copyFileSync(path.join(SEEDS_DIR, seedFiles()[0] ?? ''), path.join(dir, 'good.txt'));
    writeFileSync(path.join(dir, 'broken.txt'), new Uint8Array([0, 0, 0xff]));
    const r = run('parse.ts', ['--seeds', dir]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^broken\.txt：无法读取，已跳过：文件里有 NUL 字节，是二进制文件/mu);
    expect(JSON.parse(r.stdout).pages).toHaveLength(1);
  });
});

describe('a page that once stopped every tool', () => {
  // 6,000 jump lines on one line overflowed the stack of the line splitter and aborted the whole run.
  const dir = mkdtempSync(path.join(tmpdir(), 'jumps-'));
  copyFileSync(path.join(SEEDS_DIR, seedFiles()[0] ?? ''), path.join(dir, 'good.txt'));
  writeFileSync(path.join(dir, 'x.txt'), '（下转第8版）'.repeat(6000));

  it('is parsed with the others by npm run parse and npm run check:seeds', () => {
    const parsed = run('parse.ts', ['--seeds', dir]);
    expect(parsed.status).toBe(0);
    expect(JSON.parse(parsed.stdout).pages.map((p: { file: string }) => p.file)).toEqual(['good.txt', 'x.txt']);
    const checked = run('check-seeds.ts', ['--seeds', dir]);
    // Both dates are only guessed from the text: that blocks publishing; nothing crashed.
    expect(checked.status).toBe(1);
    expect(checked.stdout).toMatch(/good\.txt：.*\n.*\n {2}8 篇稿件/u);
    expect(checked.stdout).toMatch(/x\.txt：/u);
  });
});

describe('npm run make-corpus', () => {
  it('writes N pages and a manifest; the same seed writes the same pages', () => {
    const a = mkdtempSync(path.join(tmpdir(), 'corpus-'));
    const b = mkdtempSync(path.join(tmpdir(), 'corpus-'));
    execFileSync(process.execPath, [path.join(root, 'scripts/make-corpus.ts'), '12', a, '--seed', '5'], { cwd: root });
    execFileSync(process.execPath, [path.join(root, 'scripts/make-corpus.ts'), '12', b, '--seed', '5'], { cwd: root });
    const files = readdirSync(a).filter((f) => f.endsWith('.txt'));
    expect(files).toHaveLength(12);
    expect(readdirSync(b).filter((f) => f.endsWith('.txt'))).toEqual(files);
    for (const f of files) expect(readFileSync(path.join(a, f))).toEqual(readFileSync(path.join(b, f)));
    expect(JSON.parse(readFileSync(path.join(a, 'corpus.json'), 'utf8')).pages).toHaveLength(12);
  });

  it('explains its usage when called wrongly', () => {
    const r = run('make-corpus.ts', ['lots']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage: npm run make-corpus -- N DIR/u);
  });
});

describe('npm run explain and npm run score', () => {
  it('explains a page: each reading, the one kept, and every boundary with its margin and evidence', () => {
    const r = run('explain-page.ts', [path.join(root, 'tests/fixtures/real/pages/20130724.txt')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^headline-first: score .*\nheadline-after: score/mu);
    expect(r.stdout).toMatch(/layout: headline-after/u);
    expect(r.stdout).toMatch(/new story \(margin [0-9.]+\) .*after-tail-headline\+1/u);
  });

  it('scores one truth file against its pages, and fails below 95%', () => {
    const real = path.join(root, 'tests/fixtures/real');
    const ok = run('score.ts', [path.join(real, 'gold.json'), path.join(real, 'pages')]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/segment 25\/25/u);
    // The seeds' truth against the real pages: nothing matches, so it fails.
    const wrong = run('score.ts', [path.join(root, 'tests/fixtures/seeds.gold.json'), path.join(real, 'pages')]);
    expect(wrong.status).toBe(1);
  });
});
