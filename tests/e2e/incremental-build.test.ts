/**
 * Incremental builds give the site a clean build would (issue 11). A copy
 * of the site builds the five seeds; then an editor changes one story's
 * text, corrects a headline in a sidecar, deletes a page. After each, the
 * copy rebuilds incrementally (reusing the pages whose cacheKey did not
 * change), and a second copy builds the very same seeds folder from
 * nothing: the two dist/ trees must hold the same files, byte for byte, and
 * the id ledger each wrote the same text. The seeds folder the clean build
 * starts from includes the ledger (seeds/ids.json) as it stood before the
 * rebuild, as an editor's folder would: the ledger is what turns a story's
 * old id into a redirect, so it is part of what a build is built from.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Article } from '../../src/lib/schema.ts';
import { astroEnv, tempProject } from './temp-project.ts';

const SEEDS = path.resolve('seeds');
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
const seedFile = (prefix: string) => seedFiles.find((f) => f.startsWith(prefix)) ?? '';
const EDITED = seedFile('002');
const CORRECTED = seedFile('003');
const DELETED = seedFile('004');
const NEW_HEADLINE = '经编辑订正的新标题';

interface Build {
  status: number | null;
  log: string;
  /** Output files written by rendering this time, and those reused from the last build (left in dist/ or copied back). */
  rendered: string[];
  restored: string[];
  /** Of the reused, those copied back from the cache rather than left in place in dist/. */
  copiedBack: string[];
}

function build(root: string): Build {
  const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: root,
    env: astroEnv({ SEEDS_DIR: 'seeds' }),
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  // eslint-disable-next-line no-control-regex -- the log's colour codes
  const log = `${run.stdout}${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  const lines = log.split('\n').filter((l) => l.includes('├─ '));
  const file = (l: string) => l.replace(/^.*├─ /u, '').replace(/ \(.*$/u, '');
  return {
    status: run.status,
    log,
    rendered: lines.filter((l) => !l.includes('(restored)') && !l.includes('(cached)')).map(file),
    restored: lines.filter((l) => l.includes('(restored)') || l.includes('(cached)')).map(file),
    copiedBack: lines.filter((l) => l.includes('(restored)')).map(file),
  };
}

/** Every file under a folder, as paths relative to it, sorted. */
function walk(dir: string, below = ''): string[] {
  return readdirSync(path.join(dir, below), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(dir, path.join(below, e.name)) : [path.join(below, e.name)]))
    .sort();
}

/** How two built trees differ: files only one has, and files whose bytes differ. */
function treeDifferences(a: string, b: string): string[] {
  const inA = walk(a);
  const inB = walk(b);
  const setB = new Set(inB);
  const setA = new Set(inA);
  return [
    ...inA.filter((f) => !setB.has(f)).map((f) => `only in the incremental build: ${f}`),
    ...inB.filter((f) => !setA.has(f)).map((f) => `only in the clean build: ${f}`),
    ...inA
      .filter((f) => setB.has(f) && !readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))))
      .map((f) => `different bytes: ${f}`),
  ];
}

/** The stories the site published, from its own records (/api/articles/<month>.json). */
function publishedStories(dist: string): Article[] {
  const dir = path.join(dist, 'api', 'articles');
  return readdirSync(dir).flatMap((f) =>
    Article.array().parse(JSON.parse(readFileSync(path.join(dir, f), 'utf8')).articles),
  );
}

const storyPage = (id: string) => `/articles/${id}/index.html`;

/** The routes without getStaticPaths, hence without a cacheKey: rendered by every build (each is bounded in size). */
const ALWAYS_RENDERED = [
  '/404.html',
  '/api/articles.json',
  '/api/pages.json',
  '/counties/index.html',
  '/figures/index.html',
  '/index.html',
  '/issues/index.html',
  '/reporters/index.html',
  '/rss.xml',
  '/search-index/days.bin',
  '/search-index/manifest.json',
  '/search-index/sample.bin',
  '/search/index.html',
  '/topics/index.html',
].sort();

const incremental = tempProject('incremental-');
let first: Build;
let unchanged: Build;
/** What the rebuild with nothing changed wrote that the first build did not, file by file. */
let unchangedDifferences: string[];
let stories: Article[];
/** The rebuild after a build that stopped half way, and how its tree differs from the last complete one. */
let interrupted: Build;
let interruptedDifferences: string[];

interface Step {
  name: string;
  edit: () => void;
  rebuild?: Build;
  clean?: Build;
  differences?: string[];
  ledgersEqual?: boolean;
}

/**
 * One editor's change: applied to the incremental copy's seeds, whose
 * folder (the ledger included) is then copied to a fresh project; the copy
 * rebuilds, the fresh project builds from nothing, and the trees are compared.
 */
function runStep(step: Step) {
  step.edit();
  const clean = tempProject('clean-');
  try {
    cpSync(incremental.seeds, clean.seeds, { recursive: true });
    step.rebuild = build(incremental.root);
    step.clean = build(clean.root);
    step.differences = treeDifferences(path.join(incremental.root, 'dist'), path.join(clean.root, 'dist'));
    step.ledgersEqual =
      readFileSync(path.join(incremental.seeds, 'ids.json'), 'utf8') ===
      readFileSync(path.join(clean.seeds, 'ids.json'), 'utf8');
  } finally {
    rmSync(clean.root, { recursive: true, force: true });
  }
}

/** A story on the edited seed with a paragraph, and a 6-character run of it found exactly once in the seed's text. */
function textToEdit(seedText: string): { story: Article; run: string } {
  for (const story of stories.filter((a) => a.source.file === EDITED)) {
    for (const p of story.paragraphs) {
      for (let at = 10; at + 6 <= p.length; at += 3) {
        const run = p.slice(at, at + 6);
        if (/^\p{Script=Han}{6}$/u.test(run) && seedText.split(run).length === 2) return { story, run };
      }
    }
  }
  throw new Error(`no editable run of text in ${EDITED}`);
}

let edited: Article;
let corrected: Article;

const steps: Step[] = [
  {
    name: 'one story’s text changed',
    edit: () => {
      const file = path.join(incremental.seeds, EDITED);
      const text = readFileSync(file, 'utf8');
      const { story, run } = textToEdit(text);
      edited = story;
      writeFileSync(file, text.replace(run, '经过订正的文字'));
    },
  },
  {
    name: 'a headline corrected in a sidecar',
    edit: () => {
      const story = stories.find((a) => a.source.file === CORRECTED && a.headline);
      if (!story) throw new Error(`no story with a headline in ${CORRECTED}`);
      corrected = story;
      writeFileSync(
        path.join(incremental.seeds, CORRECTED.replace(/\.txt$/u, '.meta.json')),
        `${JSON.stringify({ corrections: { [story.id]: { headline: NEW_HEADLINE, note: '据原版订正' } } }, null, 2)}\n`,
      );
    },
  },
  { name: 'a seed deleted', edit: () => rmSync(path.join(incremental.seeds, DELETED)) },
  {
    name: 'a seed added (the deleted one, back)',
    edit: () => cpSync(path.join(SEEDS, DELETED), path.join(incremental.seeds, DELETED)),
  },
];

beforeAll(() => {
  for (const f of [...seedFiles, 'ids.json']) cpSync(path.join(SEEDS, f), path.join(incremental.seeds, f));
  first = build(incremental.root);
  const dist = path.join(incremental.root, 'dist');
  stories = publishedStories(dist);
  const firstDist = path.join(incremental.root, 'dist-first');
  cpSync(dist, firstDist, { recursive: true });
  unchanged = build(incremental.root);
  unchangedDifferences = treeDifferences(dist, firstDist);
  rmSync(firstDist, { recursive: true });
  for (const step of steps) runStep(step);
  // A build stopped half way: its marker is left in the cache, and a page it wrote is in dist/.
  writeFileSync(path.join(incremental.root, '.astro-cache', 'build-under-way'), '');
  const kept = path.join(incremental.root, 'dist-kept');
  cpSync(dist, kept, { recursive: true });
  const survivor = stories.find((a) => a.source.file !== DELETED);
  writeFileSync(path.join(dist, storyPage(survivor?.id ?? '')), 'half written');
  writeFileSync(path.join(dist, 'stray.html'), 'not built');
  interrupted = build(incremental.root);
  interruptedDifferences = treeDifferences(dist, kept);
  rmSync(kept, { recursive: true });
}, 900_000);

afterAll(() => {
  rmSync(incremental.root, { recursive: true, force: true });
});

describe('the first build', () => {
  it('builds every page, and keeps its cache inside the project', () => {
    expect(first.status, first.log.slice(-2000)).toBe(0);
    expect(first.restored).toEqual([]);
    expect(existsSync(path.join(incremental.root, '.astro-cache', 'incremental-build.json'))).toBe(true);
    expect(existsSync(path.join(incremental.root, '.astro-cache', 'data-store.json'))).toBe(true);
  });
});

describe('search numbers', () => {
  it('are the ones the id ledger records: each live id’s number serves that story’s search document', () => {
    const ledger = JSON.parse(readFileSync(path.join(incremental.seeds, 'ids.json'), 'utf8')) as {
      pages: Record<string, Record<string, { search?: number; movedTo?: string }>>;
    };
    const live = Object.values(ledger.pages).flatMap((ids) =>
      Object.entries(ids).filter(([, e]) => e.movedTo === undefined && e.search !== undefined),
    );
    expect(live.length).toBe(stories.length);
    const dist = path.join(incremental.root, 'dist', 'search-index', 'docs');
    for (const [id, e] of live) {
      expect(JSON.parse(readFileSync(path.join(dist, `${e.search}.json`), 'utf8')).id, id).toBe(id);
    }
  });
});

describe('a rebuild with nothing changed', () => {
  it('renders no page with a cacheKey again: only the pages without one (the home page, the indexes, the feed)', () => {
    expect(unchanged.status, unchanged.log.slice(-2000)).toBe(0);
    expect(unchanged.rendered.sort()).toEqual(ALWAYS_RENDERED);
    expect(unchanged.restored.length).toBe(first.rendered.length - ALWAYS_RENDERED.length);
  });

  it('gives the same files, byte for byte', () => {
    expect(unchangedDifferences).toEqual([]);
  });

  it('leaves the unchanged pages where they are in dist/ instead of copying them back from the cache', () => {
    expect(unchanged.copiedBack).toEqual([]);
  });
});

describe('a rebuild after a build that did not finish', () => {
  it('renders every page again, and deletes what the unfinished build left', () => {
    expect(interrupted.status, interrupted.log.slice(-2000)).toBe(0);
    expect(interrupted.restored).toEqual([]);
    expect(interruptedDifferences).toEqual([]);
  });
});

describe.each(steps)('after $name', (step) => {
  it('the incremental rebuild gives the same files and bytes as a clean build of the same seeds', () => {
    expect(step.rebuild?.status, step.rebuild?.log.slice(-2000)).toBe(0);
    expect(step.clean?.status, step.clean?.log.slice(-2000)).toBe(0);
    expect(step.differences).toEqual([]);
    expect(step.ledgersEqual).toBe(true);
  });

  it('reuses most story pages from the last build', () => {
    const { rendered = [], restored = [] } = step.rebuild ?? {};
    // Even a page deleted or added, which in a five-page archive moves every issue's 上一期/下一期 and
    // every related list, leaves most stories' pages as they were.
    const storyPages = (files: string[]) => files.filter((f) => /^\/articles\/[^/]+\/index\.html$/u.test(f));
    expect(storyPages(restored).length).toBeGreaterThan(storyPages(rendered).length);
  });
});

describe('what each change renders again', () => {
  it('after an edit or a correction, not the stories on a page nobody touched (bar one listing it as related)', () => {
    const untouched = stories.filter((a) => a.source.file === seedFile('000'));
    for (const step of steps.slice(0, 2)) {
      const rerendered = untouched.filter((a) => step.rebuild?.rendered.includes(storyPage(a.id)));
      expect(rerendered.length, step.name).toBeLessThanOrEqual(1);
    }
  });

  it('the edited story’s page, not its page-mates’ that show nothing of its text', () => {
    const { rendered = [], restored = [] } = steps[0]?.rebuild ?? {};
    expect(rendered).toContain(storyPage(edited.id));
    expect(rendered).toContain(`/articles/${edited.id}.json`);
    const mates = stories.filter((a) => a.source.file === EDITED && a.id !== edited.id);
    expect(mates.some((a) => restored.includes(storyPage(a.id)))).toBe(true);
  });

  it('the corrected story’s page, and its neighbours’, whose 上一篇/下一篇 show its title', () => {
    const { rendered = [] } = steps[1]?.rebuild ?? {};
    const dist = path.join(incremental.root, 'dist');
    expect(rendered).toContain(storyPage(corrected.id));
    const mates = stories.filter((a) => a.source.file === CORRECTED);
    const at = mates.findIndex((a) => a.id === corrected.id);
    for (const neighbour of [mates[at - 1], mates[at + 1]].filter((a) => a !== undefined)) {
      expect(rendered).toContain(storyPage(neighbour.id));
    }
    // Sanity: the correction did reach the built page (the test compares real output).
    expect(readFileSync(path.join(dist, storyPage(corrected.id)), 'utf8')).toContain(NEW_HEADLINE);
  });

  it('after an edit, a correction, a deletion or an addition, the unchanged pages are left in place in dist/, not copied back', () => {
    for (const step of steps) expect(step.rebuild?.copiedBack, step.name).toEqual([]);
  });

  it('a page deleted, or added back, renders no other story’s search document: every story keeps its number', () => {
    const searchDocs = (step: Step | undefined) =>
      (step?.rebuild?.rendered ?? []).filter((f) => f.startsWith('/search-index/docs/'));
    expect(searchDocs(steps[2])).toEqual([]);
    // Back under the numbers the ledger kept for them.
    expect(searchDocs(steps[3]).length).toBe(stories.filter((s) => s.source.file === DELETED).length);
  });

  it('no page of the deleted seed is left behind, and its pages are back once it is added again', () => {
    const deleted = stories.filter((s) => s.source.file === DELETED);
    expect(deleted.length).toBeGreaterThan(0);
    expect(steps[2]?.rebuild?.log).toMatch(/deleted \d+ file\(s\) this build did not produce/u);
    for (const a of deleted) {
      expect(steps[2]?.rebuild?.rendered).not.toContain(storyPage(a.id));
      expect(steps[3]?.rebuild?.rendered).toContain(storyPage(a.id));
    }
  });
});
