/**
 * Editors' corrections from a page's sidecar, applied after parsing: fields
 * (headline, kicker, subheadline, county, date, kind, byline) and structure
 * (merge an article with the next, split one at a paragraph, move text from
 * the leftovers into an article). Each change is listed in the article's
 * `corrections`; one that points at no article is a warning naming the
 * sidecar and line, and the page builds without it. A correction for an id
 * that changed (a story inserted above it) is applied where the id ledger
 * says the story went, and the warning says so; one for an id nobody knows
 * names the closest story.
 */
import type { Article, Correction, Warning } from './schema.ts';
import { Article as ArticleSchema, Page as PageSchema } from './schema.ts';
import type { ParsedPage } from './parser/index.ts';
import { allCountyRefs } from './parser/gazetteer.ts';
import { extractFigures } from './parser/figures.ts';
import type { Fix, Sidecar } from './sidecar.ts';
import { closestStory, ledgerStoryOf, whereNow, type LedgerStory, type PageLedger } from './id-ledger.ts';
import { fieldName } from './site/labels.ts';
import { countyMeant } from './sidecar-hints.ts';

const show = (v: unknown) => (v === null || v === undefined ? '（无）' : Array.isArray(v) ? v.join('、') : String(v));

function record(a: Article, fix: Fix, sidecar: string, field: string, from: unknown, to: unknown) {
  const c: Correction = {
    type: 'editor',
    field,
    from: show(from),
    to: show(to),
    line: fix.line,
    note: fix.fix.note ?? sidecar,
  };
  a.corrections.push(c);
}

/** Figures point into paragraphs by index: recount them after paragraphs move. */
function refigure(a: Article) {
  a.figures = [
    ...a.paragraphs.flatMap((p, i) => extractFigures(p, 'paragraphs', i)),
    ...a.captions.flatMap((c, i) => extractFigures(c, 'captions', i)),
  ];
}

function countyRef(value: string) {
  return allCountyRefs().find((c) => c.slug === value || c.name === value) ?? null;
}

const STRUCTURAL = new Set(['mergeWithNext', 'splitAtParagraph', 'note']);

/** A sidecar field as an editor knows it and as it is written: 拆分（splitAtParagraph）. */
const named = (field: string, key: string) => `${fieldName(field)}（${key}）`;

/**
 * Joins the next story to this one, keeping every line of it where it was
 * printed: its heading becomes a subhead, then its standfirst, its credit
 * and dateline line as printed, and its paragraphs; its people join the
 * byline, and both jump lines stay.
 */
function mergeInto(a: Article, next: Article) {
  const heading = [next.kicker, next.headline, next.subheadline].filter(Boolean).join(' ');
  if (heading) {
    a.subheads.push(a.paragraphs.length);
    a.paragraphs.push(heading);
  }
  if (next.standfirst) a.paragraphs.push(next.standfirst);
  if (next.byline.raw) a.paragraphs.push(next.byline.raw);
  a.subheads.push(...next.subheads.map((s) => s + a.paragraphs.length));
  for (const p of next.paragraphs) a.paragraphs.push(p);
  a.captions.push(...next.captions);
  a.credits.push(...next.credits);
  a.corrections.push(...next.corrections);
  a.jump = [a.jump, next.jump].filter(Boolean).join(' ') || null;
  a.byline.agency ??= next.byline.agency;
  if (!a.dateline.raw) a.dateline = next.dateline;
  a.source.startLine = Math.min(a.source.startLine, next.source.startLine);
  a.source.endLine = Math.max(a.source.endLine, next.source.endLine);
  for (const key of ['reporters', 'correspondents', 'photographers', 'authors'] as const) {
    a.byline[key] = [...new Set([...a.byline[key], ...next.byline[key]])];
  }
  a.countiesMentioned = [
    ...new Map([...a.countiesMentioned, ...next.countiesMentioned].map((c) => [c.slug, c])).values(),
  ];
  a.confidence = Math.min(a.confidence, next.confidence);
}

/** An id a split makes, <id>-p4, and the id it was made from. */
const SPLIT_ID = /^(.+)-p(\d+)$/u;

/**
 * The id a sidecar's id stands for now: itself when a story has it (or a
 * split of a story that has it will), else where the ledger says its story
 * went, or null when neither.
 */
function currentId(id: string, stories: () => LedgerStory[], previous: PageLedger): string | null {
  const live = (x: string) => stories().some((s) => s.id === x);
  const split = SPLIT_ID.exec(id);
  if (live(id) || (split && live(split[1] ?? ''))) return id;
  const now = whereNow(split ? (split[1] ?? '') : id, previous, stories());
  if (!now) return null;
  return split ? `${now.id}-p${split[2]}` : now.id;
}

/**
 * @param previous this page's ids in the id ledger (seeds/ids.json): where
 *   the story an old id named has gone.
 */
export function applyCorrections(parsed: ParsedPage, sidecar: Sidecar, previous: PageLedger = {}): ParsedPage {
  if (sidecar.fixes.length === 0 && sidecar.moves.length === 0) return parsed;
  const name = sidecar.name ?? '附注文件';
  const warnings: Warning[] = [];
  // Said like the sidecar's own warnings (sidecar.ts): the file, the line, what is wrong, what to do.
  const fail = (line: number | null, message: string) =>
    warnings.push({ line: null, code: 'correction', message: `${name}${line ? ` 第 ${line} 行` : ''}：${message}` });
  const articles: Article[] = parsed.articles.map((a) => structuredClone(a));
  const leftovers = [...parsed.page.leftovers];
  const find = (id: string) => articles.findIndex((a) => a.id === id);
  // The parsed stories as the ledger sees them, sketched only if an id needs looking up.
  let sketched: LedgerStory[] | null = null;
  const stories = () => (sketched ??= parsed.articles.map(ledgerStoryOf));
  /** The id a correction names is no story's: say so, with the story most like the one it named. */
  const missing = (line: number | null, id: string, what: string) => {
    const near = closestStory(id, previous, articles.map(ledgerStoryOf));
    const hint = near
      ? `最接近的是 ${near.story.id}「${near.story.title}」（${near.by === 'text' ? '按文字' : '按在版面上的位置'}），如果指的就是它，请把编号改成 ${near.story.id}`
      : '请对照 npm run check:seeds 列出的稿件编号改正';
    fail(line, `这一版没有编号为 ${id} 的稿件，${what}：${hint}`);
  };
  // Ids that changed since the sidecar was written: corrected where their stories are now.
  const moved = (id: string, line: number | null) => {
    const now = currentId(id, stories, previous);
    if (now === null || now === id) return id;
    const story = stories().find((a) => a.id === now) ?? stories().find((a) => a.id === SPLIT_ID.exec(now)?.[1]);
    fail(
      line,
      `编号 ${id} 已不在这一版：据编号记录 ids.json，这篇稿件现在的编号是 ${now}「${story?.title ?? ''}」，更正已应用到它上面；请把附注文件里的 ${id} 改成 ${now}`,
    );
    return now;
  };
  sidecar = {
    ...sidecar,
    fixes: sidecar.fixes.map((f) => ({ ...f, id: moved(f.id, f.line) })),
    moves: sidecar.moves.map((m) => ({ ...m, to: moved(m.to, m.sidecarLine) })),
  };

  // Structure first, so field fixes may name an article a split created:
  // splits on the parsed stories (the paragraph numbers an editor sees),
  // then merges, last first, so a chain (A with B, B with C) joins all three.
  for (const fix of sidecar.fixes.filter((f) => f.fix.splitAtParagraph !== undefined)) {
    const i = find(fix.id);
    const a = articles[i];
    const at = (fix.fix.splitAtParagraph ?? 0) - 1;
    if (!a) missing(fix.line, fix.id, '这条更正未应用');
    else if (at >= a.paragraphs.length)
      fail(
        fix.line,
        `${fix.id} 只有 ${a.paragraphs.length} 段，不能从第 ${at + 1} 段起${named('split', 'splitAtParagraph')}，这条更正未应用：` +
          (a.paragraphs.length >= 2 ? `段号应在 2 到 ${a.paragraphs.length} 之间` : '只有一段的稿件不能拆分'),
      );
    else {
      const rest: Article = structuredClone(a);
      rest.id = `${a.id}-p${at + 1}`;
      rest.kicker = null;
      rest.headline = null;
      rest.subheadline = null;
      rest.standfirst = null;
      rest.paragraphs = a.paragraphs.slice(at);
      rest.subheads = a.subheads.filter((s) => s >= at).map((s) => s - at);
      rest.captions = [];
      rest.credits = [];
      rest.corrections = [];
      a.paragraphs = a.paragraphs.slice(0, at);
      a.subheads = a.subheads.filter((s) => s < at);
      a.jump = null;
      refigure(a);
      refigure(rest);
      record(a, fix, name, 'split', `第${at + 1}段起`, rest.id);
      record(rest, fix, name, 'split', a.id, rest.id);
      articles.splice(i + 1, 0, rest);
    }
  }
  const mergedInto = new Map<string, string>();
  const merges = sidecar.fixes
    .filter((f) => f.fix.mergeWithNext)
    .map((fix) => ({ fix, at: find(fix.id) }))
    .sort((x, y) => y.at - x.at);
  for (const { fix, at } of merges) {
    const a = articles[at];
    const next = articles[at + 1];
    if (!a) missing(fix.line, fix.id, '这条更正未应用');
    else if (!next)
      fail(
        fix.line,
        `${fix.id} 是这一版的最后一篇，后面没有稿件可以${named('merge', 'mergeWithNext')}，这条更正未应用：要合并两篇，请写在前一篇的编号下面`,
      );
    else {
      mergeInto(a, next);
      refigure(a);
      record(a, fix, name, 'merge', next.id, fix.id);
      mergedInto.set(next.id, a.id);
      for (const [from, to] of mergedInto) if (to === next.id) mergedInto.set(from, a.id);
      articles.splice(at + 1, 1);
    }
  }
  for (const move of sidecar.moves) {
    const a = articles[find(move.to)];
    const k = leftovers.findIndex((l) => l.line === move.line);
    const fix: Fix = { id: move.to, fix: {}, line: move.sidecarLine };
    if (!a) missing(move.sidecarLine, move.to, '这一行文字未移动');
    else if (k < 0)
      fail(
        move.sidecarLine,
        `版面第 ${move.line} 行没有不属于任何一篇的文字，${named('moveLeftovers', 'moveLeftovers')}这一项未移动任何文字：` +
          '行号请照 npm run check:seeds 里「第 N 行不属于任何一篇」的 N 填写',
      );
    else {
      const [left] = leftovers.splice(k, 1);
      a.paragraphs.push(left?.text ?? '');
      refigure(a);
      record(a, fix, name, 'paragraphs', `版面第${move.line}行`, left?.text ?? '');
    }
  }

  for (const fix of sidecar.fixes) {
    const a = articles[find(fix.id)];
    // Structural fixes were applied (or reported) above; only field fixes are left to apply.
    const fieldFixes = Object.keys(fix.fix).some((k) => !STRUCTURAL.has(k));
    if (!a) {
      const into = mergedInto.get(fix.id);
      if (!fieldFixes) continue;
      if (into) fail(fix.line, `${fix.id} 已合并进 ${into}，这条更正未应用：请把要改的字段写在 ${into} 下面`);
      else missing(fix.line, fix.id, '这条更正未应用');
      continue;
    }
    const f = fix.fix;
    for (const field of ['headline', 'kicker', 'subheadline'] as const) {
      if (f[field] !== undefined) {
        record(a, fix, name, field, a[field], f[field]);
        a[field] = f[field] ?? null;
      }
    }
    if (f.county !== undefined) {
      const ref = f.county === null ? null : countyRef(f.county);
      if (f.county !== null && !ref) {
        const meant = countyMeant(f.county);
        fail(
          fix.line,
          `对 ${fix.id} 的更正：${named('county', 'county')}「${f.county}」不是县区名，这一项未应用：` +
            (meant ? `应写成「${meant}」` : '应写县区名，如 临清市、阳谷县、市级'),
        );
      } else {
        record(a, fix, name, 'county', a.county?.name, ref?.name ?? null);
        a.county = ref;
      }
    }
    if (f.date !== undefined) {
      record(a, fix, name, 'date', a.date, f.date);
      a.date = f.date;
      a.dateSource = 'meta';
    }
    if (f.kind !== undefined) {
      record(a, fix, name, 'kind', a.kind, f.kind);
      a.kind = f.kind;
    }
    if (f.byline) {
      for (const key of ['reporters', 'correspondents', 'photographers', 'authors'] as const) {
        const value = f.byline[key];
        if (value === undefined) continue;
        record(a, fix, name, `byline.${key}`, a.byline[key], value);
        a.byline[key] = value;
      }
    }
  }

  const checked = articles.map((a) => ArticleSchema.parse(a));
  const page = PageSchema.parse({
    ...parsed.page,
    articleIds: checked.map((a) => a.id),
    leftovers,
    warnings: [...parsed.page.warnings, ...warnings],
  });
  return { page, articles: checked };
}
