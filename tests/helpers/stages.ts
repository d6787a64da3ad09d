/**
 * Runs the parser up to one stage and projects what that stage decided, so
 * each stage has fixtures of its own (tests/fixtures/stages/<stage>/<case>/
 * input.txt + expected.json), as remark's plugins test themselves.
 */
import { parsePage, roleBlocks } from '../../src/lib/parser/index.ts';
import { toUnits } from '../../src/lib/parser/units.ts';
import { bestReading } from '../../src/lib/parser/layouts.ts';
import { startsStory, type StoryPart } from '../../src/lib/parser/boundary-features.ts';

const short = (t: string) => t.replace(/\s+/gu, ' ').trim().slice(0, 24);

export const STAGES: Record<string, (text: string, file: string) => unknown> = {
  /** Each block's role, with the start of its text. */
  classify: (text) => roleBlocks(text).map((b) => [b.role, short(b.pieces.map((p) => p.text).join(''))]),
  /** Each unit's shape and the evidence the boundary features read. */
  units: (text) =>
    toUnits(roleBlocks(text)).map((u) => ({
      shape: u.shape,
      text: short(u.text),
      ...(u.dateline ? { dateline: u.dateline.raw.trim() } : {}),
      ...(u.datedLead ? { datedLead: true } : {}),
      ...(u.label ? { label: true } : {}),
      ...(u.photoCredit ? { photoCredit: true } : {}),
      ...(u.captionUnderHeadline ? { captionUnderHeadline: true } : {}),
    })),
  /** The page's layout and its stories, each as the parts its units take. */
  segment: (text) => {
    const units = toUnits(roleBlocks(text));
    const reading = bestReading(units);
    const stories: string[][] = [];
    reading.parts.forEach((part, i) => {
      const prev = i > 0 ? (reading.parts[i - 1] as StoryPart) : null;
      const line = `${part} ${short(units[i]?.text ?? '')}`;
      if (part === 'furniture') stories.push([line]);
      else if (stories.length === 0 || startsStory(prev, part) || prev === 'furniture') stories.push([line]);
      else stories[stories.length - 1]?.push(line);
    });
    return { layout: reading.layout, stories };
  },
  /** Each story's text: its paragraphs (start … end) and which of them are subheads. */
  text: (text, file) =>
    parsePage({ file, text }).articles.map((a) => ({
      headline: a.headline,
      paragraphs: a.paragraphs.map((p) => (p.length <= 24 ? p : `${p.slice(0, 12)}…${p.slice(-10)}`)),
      subheads: a.subheads.map((i) => a.paragraphs[i]),
    })),
  /** The records' fields a reader and a researcher see. */
  records: (text, file) =>
    parsePage({ file, text }).articles.map((a) => ({
      kind: a.kind,
      kicker: a.kicker,
      headline: a.headline,
      people: [...a.byline.reporters, ...a.byline.photographers, ...a.byline.authors],
      correspondents: a.byline.correspondents,
      agency: a.byline.agency,
      county: a.county?.name ?? null,
      date: a.date,
      lead: short(a.paragraphs[0] ?? a.captions[0] ?? ''),
    })),
};
