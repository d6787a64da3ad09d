/**
 * Story ids: the page's id, the story's position and two letters from the
 * rest of its text. They survive text edits; when positions shift, the id
 * ledger (seeds/ids.json) turns each old id into a redirect, and a sidecar
 * correction written for an old id finds its story or names the closest.
 */
import { mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePage, type ParsedPage } from '../../src/lib/parser/index.ts';
import { Article } from '../../src/lib/schema.ts';
import {
  EMPTY_LEDGER,
  IdLedger,
  SAME_STORY,
  closestStory,
  ledgerEntryOf,
  ledgerStoryOf,
  movedIds,
  whereNow,
  updateLedger,
  type PageLedger,
} from '../../src/lib/id-ledger.ts';
import { ledgerText, readIdLedger, writeIdLedger } from '../../src/lib/id-ledger-file.ts';
import { sketchFromText, sketchOf, sketchSimilarity, sketchToText } from '../../src/lib/parser/text-sketch.ts';
import { lettersOnly } from '../../src/lib/parser/text.ts';
import { positionInId } from '../../src/lib/parser/story-id.ts';
import { titleOf } from '../../src/lib/site/titles.ts';
import { applyCorrections } from '../../src/lib/corrections.ts';
import { parseSidecarText } from '../../src/lib/sidecar.ts';
import { SEEDS_DIR, articleWith, parsedSeed, seed, seedFiles } from '../helpers/seeds.ts';

const { file, text } = seed('000');
const seed000 = parsedSeed('000');
const reparse = (edited: string) => parsePage({ file, text: edited });
const ids = (p: ParsedPage) => p.articles.map((a) => a.id);
const titled = (p: ParsedPage, headline: string) => p.articles.find((a) => a.headline === headline)?.id;
const NEW_STORY = '新闻标题\n\n本报讯(记者 王五)记者1月1日获悉,新增一条消息。\n\n';
/** Seed 000 with a new story set above its first. */
const inserted = reparse(`${NEW_STORY}${text}`);

/** The ledger as a build before the edit left it, then the redirects the build after the edit makes. */
function redirectsAfter(before: ParsedPage, after: ParsedPage): Map<string, string> {
  const published = updateLedger(EMPTY_LEDGER, [{ file, stories: before.articles.map(ledgerStoryOf) }]);
  const next = updateLedger(published, [{ file, stories: after.articles.map(ledgerStoryOf) }]);
  return movedIds(next, new Set(ids(after)));
}

const lineOf = (needle: string) => {
  const line = text.split('\n').find((l) => l.includes(needle));
  if (!line) throw new Error(`no line with ${needle}`);
  return line;
};

describe('a story id', () => {
  it('is the page id, the position on the page and two letters, valid under the Article schema', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const { page, articles } = parsedSeed(prefix);
      articles.forEach((a, k) => {
        expect(a.id).toMatch(new RegExp(`^${page.id}-${k + 1}[a-z]{2}$`, 'u'));
        expect(Article.shape.id.safeParse(a.id).success).toBe(true);
      });
      expect(new Set(ids(parsedSeed(prefix))).size).toBe(articles.length);
    }
  });

  it('survives a typo fixed in the first sentence (seed 000: 顺利完成 typed 顺力完成, then fixed)', () => {
    const typo = lineOf('顺利完成全省');
    const withTypo = reparse(text.replace(typo, typo.replace('顺利完成', '顺力完成')));
    expect(withTypo.articles[0]?.paragraphs[0]).toContain('顺力完成');
    expect(ids(withTypo)).toEqual(ids(seed000));
  });

  it('survives a typo fixed in the headline (领跑亩均笑益 → 领跑亩均效益)', () => {
    const withTypo = reparse(text.replace('领跑亩均效益 保供应急物资', '领跑亩均笑益 保供应急物资'));
    expect(withTypo.articles[0]?.headline).toBe('领跑亩均笑益 保供应急物资');
    expect(ids(withTypo)).toEqual(ids(seed000));
  });

  it('after a typo anywhere in a story, is the same or redirected to the same story', () => {
    // One character changed in the middle of each story's longest paragraph, one story at a time.
    for (const a of seed000.articles) {
      const longest = [...a.paragraphs, ...a.captions].sort((x, y) => y.length - x.length)[0] ?? '';
      const probe = longest.slice(Math.floor(longest.length / 2), Math.floor(longest.length / 2) + 6);
      const line = text.split('\n').find((l) => l.includes(probe));
      if (!line) continue;
      const edited = reparse(text.replace(line, line.replace(probe, `错${probe.slice(1)}`)));
      const position = seed000.articles.indexOf(a);
      const now = edited.articles[position]?.id ?? '';
      if (now !== a.id) expect(redirectsAfter(seed000, edited).get(a.id)).toBe(now);
    }
  });

  it('after a typo in the very pair its letters come from, has new letters, and the old id redirects to it', () => {
    // The letters are the smallest hash of a character pair after the first sentence: a typo there changes them.
    let changed = 0;
    for (const [position, a] of seed000.articles.entries()) {
      const rest = lettersOnly([...a.paragraphs, ...a.captions].join('\n').replace(/^[^。！？!?]*[。！？!?]*/u, ''));
      if (rest.length < 8) continue;
      const smallest = sketchOf(rest, 1)[0];
      const at = [...rest].findIndex(
        (_, i) => i + 1 < rest.length && sketchOf(rest.slice(i, i + 2), 1)[0] === smallest,
      );
      const [first = '', second = ''] = rest.slice(at, at + 2);
      // That pair in the story's own lines of the seed, maybe with punctuation between; its first character mistyped.
      const pair = new RegExp(`${first}([^\\p{L}\\p{N}]*)${second}`, 'u');
      const lines = text.split('\n');
      const k = lines.findIndex((l, i) => i >= a.source.startLine - 1 && i < a.source.endLine && pair.test(l));
      if (k < 0) continue;
      lines[k] = (lines[k] ?? '').replace(pair, `${first === '错' ? '误' : '错'}$1${second}`);
      const edited = reparse(lines.join('\n'));
      const now = edited.articles[position]?.id ?? '';
      expect(edited.articles).toHaveLength(seed000.articles.length);
      if (now === a.id) continue;
      changed++;
      expect(redirectsAfter(seed000, edited).get(a.id), a.id).toBe(now);
    }
    // Most stories hold their smallest pair once: mistyping it changes their letters.
    expect(changed).toBeGreaterThanOrEqual(seed000.articles.length / 2);
  });
});

describe('when stories move', () => {
  it('a story inserted above: every other story gets a redirect from its old id to its new one', () => {
    expect(inserted.articles).toHaveLength(seed000.articles.length + 1);
    const moves = redirectsAfter(seed000, inserted);
    for (const a of seed000.articles.filter((x) => x.headline)) {
      const now = titled(inserted, a.headline ?? '');
      expect(now).not.toBe(a.id);
      expect(moves.get(a.id)).toBe(now);
    }
    // The new story at the first position does not take the old first story's id.
    expect(inserted.articles[0]?.id).not.toBe(seed000.articles[0]?.id);
  });

  it('a story split in two in the text: the stories above keep their ids, the ones below redirect', () => {
    // An editor sets a headline in the middle of the second story, making it two.
    const second = seed000.articles[1];
    const cut = lineOf('对此,当地民政部门迅速启动');
    const split = reparse(text.replace(cut, `社区议事会议室里的新变化\n\n本报讯(记者 王五)${cut}`));
    expect(split.articles).toHaveLength(seed000.articles.length + 1);
    expect(split.articles[0]?.id).toBe(seed000.articles[0]?.id);
    const moves = redirectsAfter(seed000, split);
    for (const a of seed000.articles.slice(2).filter((x) => x.headline)) {
      expect(moves.get(a.id)).toBe(titled(split, a.headline ?? ''));
    }
    // The story that was split is live still, or sends its readers to its first part.
    const first = titled(split, second?.headline ?? '');
    if (first !== second?.id) expect(moves.get(second?.id ?? '')).toBe(first);
  });

  it('a redirect survives the story moving again, and an id that is live again is not redirected', () => {
    const published = updateLedger(EMPTY_LEDGER, [{ file, stories: seed000.articles.map(ledgerStoryOf) }]);
    const once = updateLedger(published, [{ file, stories: inserted.articles.map(ledgerStoryOf) }]);
    const twice = reparse(`另一条新闻\n\n本报讯(记者 赵六)记者1月2日获悉,又一条消息。\n\n${NEW_STORY}${text}`);
    const again = updateLedger(once, [{ file, stories: twice.articles.map(ledgerStoryOf) }]);
    const moves = movedIds(again, new Set(ids(twice)));
    const last = seed000.articles.at(-1);
    expect(moves.get(last?.id ?? '')).toBe(twice.articles.at(-1)?.id);
    // Back to the page as it was: the old ids are live and nothing redirects them.
    const back = updateLedger(again, [{ file, stories: seed000.articles.map(ledgerStoryOf) }]);
    expect(movedIds(back, new Set(ids(seed000))).has(seed000.articles[0]?.id ?? '')).toBe(false);
  });

  it('a page saved under a new name: its stories’ old ids redirect to the new page’s', () => {
    const renamed = parsePage({ file: '2025-07-08-a3.txt', text });
    const published = updateLedger(EMPTY_LEDGER, [{ file, stories: seed000.articles.map(ledgerStoryOf) }]);
    const next = updateLedger(published, [{ file: '2025-07-08-a3.txt', stories: renamed.articles.map(ledgerStoryOf) }]);
    const moves = movedIds(next, new Set(ids(renamed)));
    expect(seed000.articles.map((a) => moves.get(a.id))).toEqual(ids(renamed));
  });

  it('a renamed page’s redirects survive a new page taking its old name, and a build its new page missed', () => {
    const build = (ledger: IdLedger, pages: Array<[string, ParsedPage]>) =>
      updateLedger(
        ledger,
        pages.map(([name, p]) => ({ file: name, stories: p.articles.map(ledgerStoryOf) })),
      );
    // Published as a.txt, then saved as b.txt: a's ids redirect into b.
    const asA = parsePage({ file: 'a.txt', text });
    const asB = parsePage({ file: 'b.txt', text });
    const renamed = build(build(EMPTY_LEDGER, [['a.txt', asA]]), [['b.txt', asB]]);
    // A build in which b.txt could not be parsed (or was emptied mid-edit), then a new a.txt, another page.
    const bMissing = build(renamed, [['c.txt', parsePage({ file: 'c.txt', text: seed('002').text })]]);
    const newA = parsePage({ file: 'a.txt', text: seed('001').text });
    const after = build(bMissing, [
      ['a.txt', newA],
      ['b.txt', asB],
    ]);
    const moves = movedIds(after, new Set([...ids(newA), ...ids(asB)]));
    const stillA = new Set(ids(newA));
    for (const [k, a] of asA.articles.entries()) {
      if (stillA.has(a.id)) continue;
      expect(moves.get(a.id), a.id).toBe(asB.articles[k]?.id);
    }
  });

  it('the committed ledger redirects every id the seeds had before ids were positions', () => {
    const ledger = IdLedger.parse(JSON.parse(readFileSync(path.join(SEEDS_DIR, 'ids.json'), 'utf8')));
    const live = seedFiles().flatMap((f) => ids(parsedSeed(f.slice(0, 3))));
    const moves = movedIds(ledger, new Set(live));
    // 000_84d0d68a418f73b1-1ib39fn was the first story's id under parser 1.2.0 (the README's old example).
    expect(moves.get('000_84d0d68a418f73b1-1ib39fn')).toBe(seed000.articles[0]?.id);
    for (const [id, entry] of Object.entries(ledger.pages).flatMap(([, page]) => Object.entries(page))) {
      if (live.includes(id)) continue;
      const to = moves.get(id);
      expect(to, id).toBeDefined();
      const story = seedFiles()
        .flatMap((f) => parsedSeed(f.slice(0, 3)).articles)
        .find((a) => a.id === to);
      // The same story: its text matches the old id's sketch, and a printed headline is the one the old id had.
      expect(
        story && sketchSimilarity(sketchFromText(entry.sketch), ledgerStoryOf(story).sketch),
      ).toBeGreaterThanOrEqual(SAME_STORY);
      if (story?.headline) expect(story.headline).toBe(entry.title);
    }
  });
});

describe('matching an old id to a story', () => {
  const photoOn = (p: ParsedPage) => {
    const photo = p.articles.find((a) => a.kind === 'photo' && a.kicker === '目击' && a.headline === null);
    if (!photo) throw new Error(`no 目击 photo story on ${p.page.file}`);
    return photo;
  };

  it('sends a deleted 目击 photo story nowhere, not to another 目击 photo that shares a quarter of its text', () => {
    // Seed 000's 目击 photo was published, then deleted; seed 002's 目击 photo (another picture) is on the page.
    const gone = ledgerStoryOf(photoOn(seed000));
    const other = ledgerStoryOf(photoOn(parsedSeed('002')));
    // Its sketch shares a quarter with the other photo's: as much as two captions of one place and day may.
    const own = gone.sketch.filter((h) => !other.sketch.includes(h)).slice(0, 12);
    const sketch = [...other.sketch.slice(0, 4), ...own].sort((x, y) => x - y);
    expect(sketchSimilarity(sketch, other.sketch)).toBe(0.25);
    const previous: PageLedger = { [gone.id]: { ...ledgerEntryOf(gone), sketch: sketchToText(sketch) } };
    expect(whereNow(gone.id, previous, [other])).toBeNull();
  });

  it('prefers the part under its own printed headline when a story was split, and names a story as readers see it', () => {
    const story = seed000.articles[1];
    if (!story) throw new Error('no second story');
    const entry = ledgerEntryOf(ledgerStoryOf(story));
    const underHeadline = { ...ledgerStoryOf(story), id: 'x-1aa', sketch: ledgerStoryOf(story).sketch.slice(0, 5) };
    const longerPart = {
      ...ledgerStoryOf(story),
      id: 'x-2bb',
      title: '另一部分',
      headline: '另一部分',
      sketch: ledgerStoryOf(story).sketch.slice(4),
    };
    expect(whereNow(story.id, { [story.id]: entry }, [longerPart, underHeadline])?.id).toBe('x-1aa');
    const photo = photoOn(seed000);
    expect(ledgerStoryOf(photo).title).toBe(titleOf(photo));
    expect(ledgerStoryOf(photo).title).not.toBe('目击');
  });
});

describe('a sidecar correction for an id that is gone', () => {
  const correct = (fixes: Record<string, object>, previous: PageLedger = {}) =>
    applyCorrections(
      seed000,
      parseSidecarText('000.meta.json', JSON.stringify({ corrections: fixes }, null, 2)),
      previous,
    );
  const messages = (p: ParsedPage) => p.page.warnings.filter((w) => w.code === 'correction').map((w) => w.message);
  // Published when a story stood above the page's first.
  const before = updateLedger(EMPTY_LEDGER, [{ file, stories: inserted.articles.map(ledgerStoryOf) }]);

  it('is applied where the ledger says its story went, and the warning says so with the sidecar line', () => {
    // Written when a story stood above 高唐's: that story is gone, 高唐's moved up one place.
    const oldId = titled(inserted, '打造特色居民议事机制') ?? '';
    const newId = titled(seed000, '打造特色居民议事机制') ?? '';
    expect(oldId).not.toBe(newId);
    const out = correct({ [oldId]: { county: 'linqing' } }, before.pages[file]);
    expect(out.articles.find((a) => a.id === newId)?.county?.name).toBe('临清市');
    expect(messages(out)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^000\\.meta\\.json 第 3 行：编号 ${oldId} 已不在这一版：.*现在的编号是 ${newId}「打造特色居民议事机制」，更正已应用到它上面；请把附注文件里的 ${oldId} 改成 ${newId}$`,
          'u',
        ),
      ),
    ]);
  });

  it('is not applied when nobody knows the id, and names the closest story by position, with its title', () => {
    const out = correct({ [`${seed000.page.id}-3zz`]: { county: 'linqing' } });
    expect(out.articles.map((a) => a.county)).toEqual(seed000.articles.map((a) => a.county));
    expect(messages(out)).toEqual([
      `000.meta.json 第 3 行：这一版没有编号为 ${seed000.page.id}-3zz 的稿件，这条更正未应用：最接近的是 ${seed000.articles[2]?.id}「29家医疗机构集体“换证”」（按在版面上的位置），如果指的就是它，请把编号改成 ${seed000.articles[2]?.id}`,
    ]);
  });

  it('names the closest story by its text when the ledger knows the id but its story is gone', () => {
    // The ledger knew a story sharing only part of 企业登记高效便捷's sketch: too little to be it, but closest.
    const story = articleWith(seed000, '企业登记高效便捷');
    const sketch = ledgerStoryOf(story).sketch.slice(0, 6);
    const previous: PageLedger = { [`${seed000.page.id}-9xx`]: { title: '旧稿', sketch: sketchToText(sketch) } };
    const out = correct({ [`${seed000.page.id}-9xx`]: { headline: '新标题' } }, previous);
    expect(messages(out).join('\n')).toMatch(new RegExp(`最接近的是 ${story.id}「企业登记高效便捷」（按文字）`, 'u'));
  });

  it('reads no position from an old id whose hash ends in digits and two letters', () => {
    const stories = seed000.articles.map(ledgerStoryOf);
    // Parser 1.2.0's ids were the page id and a base-36 hash: 48213ab is a hash, not story 48213.
    expect(positionInId(`${seed000.page.id}-48213ab`)).toBeNull();
    expect(closestStory(`${seed000.page.id}-48213ab`, {}, stories)).toBeNull();
    expect(positionInId(`${seed000.page.id}-012ab`)).toBeNull();
    // A story id names its position, a split's too.
    expect(positionInId(`${seed000.page.id}-3zz`)).toBe(3);
    expect(positionInId(`${seed000.page.id}-12ab-p4`)).toBe(12);
    expect(closestStory(`${seed000.page.id}-3zz`, {}, stories)?.story.id).toBe(seed000.articles[2]?.id);
  });

  it('leaves an id a sidecar split makes alone (<id>-p4 still names the split story)', () => {
    const feature = seed000.articles[0]?.id ?? '';
    const out = correct({ [feature]: { splitAtParagraph: 4 }, [`${feature}-p4`]: { headline: '亩均效益评价' } });
    expect(messages(out)).toEqual([]);
    expect(out.articles.find((a) => a.id === `${feature}-p4`)?.headline).toBe('亩均效益评价');
  });
});

describe('the ledger file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ids-ledger-'));

  it('is written only when it changed, and read back the same', () => {
    const ledger = updateLedger(EMPTY_LEDGER, [{ file, stories: seed000.articles.map(ledgerStoryOf) }]);
    expect(writeIdLedger(dir, ledger)).toBeNull();
    expect(readFileSync(path.join(dir, 'ids.json'), 'utf8')).toBe(ledgerText(ledger));
    expect(readIdLedger(dir)).toEqual({ ledger, problem: null });
  });

  it('is replaced whole, by a new file renamed over it, never rewritten in place', () => {
    const ledger = updateLedger(EMPTY_LEDGER, [{ file, stories: seed000.articles.map(ledgerStoryOf) }]);
    const at = mkdtempSync(path.join(tmpdir(), 'ids-rename-'));
    writeFileSync(path.join(at, 'ids.json'), ledgerText(EMPTY_LEDGER));
    const before = statSync(path.join(at, 'ids.json')).ino;
    expect(writeIdLedger(at, ledger)).toBeNull();
    // A reader (a parse worker) sees the old file or the new one, never half of it.
    expect(statSync(path.join(at, 'ids.json')).ino).not.toBe(before);
    expect(readFileSync(path.join(at, 'ids.json'), 'utf8')).toBe(ledgerText(ledger));
    expect(readdirSync(at)).toEqual(['ids.json']);
  });

  it('reports a broken ledger and reads it as empty', () => {
    const broken = mkdtempSync(path.join(tmpdir(), 'ids-broken-'));
    writeFileSync(path.join(broken, 'ids.json'), '{ "pages": ');
    expect(readIdLedger(broken).ledger).toEqual(EMPTY_LEDGER);
    expect(readIdLedger(broken).problem).toMatch(/^ids\.json：不是有效的 JSON/u);
  });

  it('is never written through a link', () => {
    const linked = mkdtempSync(path.join(tmpdir(), 'ids-link-'));
    const outside = path.join(mkdtempSync(path.join(tmpdir(), 'ids-outside-')), 'victim.txt');
    writeFileSync(outside, 'keep me');
    symlinkSync(outside, path.join(linked, 'ids.json'));
    expect(writeIdLedger(linked, EMPTY_LEDGER)).toMatch(/没有写入/u);
    expect(readFileSync(outside, 'utf8')).toBe('keep me');
  });
});
