/**
 * After an editor's corrections: what the sidecar already answered is no
 * longer worth a warning, and a correction that changes nothing is no
 * correction. A story that had no county and was given one by the sidecar
 * loses its no-county warning (the same for a byline and a date), and an
 * editor's change whose value is what the parser had is dropped from the
 * story's corrections, so neither the report nor the story's 编辑更正 note
 * speaks of it.
 */
import type { Article, Warning } from './schema.ts';
import type { ParsedPage } from './parser/index.ts';

const people = (a: Article) =>
  a.byline.reporters.length + a.byline.correspondents.length + a.byline.photographers.length + a.byline.authors.length;

/** Whether the story now has what the warning said it lacked. */
const ANSWERED: Partial<Record<Warning['code'], (a: Article) => boolean>> = {
  'no-county': (a) => a.county !== null,
  'no-byline': (a) => people(a) > 0,
  'no-date': (a) => a.date !== null,
};

export function withoutSettled({ page, articles }: ParsedPage): ParsedPage {
  const storyAt = (line: number) => articles.find((a) => a.source.startLine <= line && line <= a.source.endLine);
  const warnings = page.warnings.filter((w) => {
    const answered = ANSWERED[w.code];
    const story = answered && w.line !== null ? storyAt(w.line) : undefined;
    return !(answered && story && answered(story));
  });
  const changed = articles.map((a) => {
    const corrections = a.corrections.filter((c) => c.type !== 'editor' || c.from !== c.to);
    return corrections.length === a.corrections.length ? a : { ...a, corrections };
  });
  return { page: warnings.length === page.warnings.length ? page : { ...page, warnings }, articles: changed };
}
