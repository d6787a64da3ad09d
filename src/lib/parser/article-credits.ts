/**
 * Who a story is by and whose copy it is: its credit blocks, a commentary's
 * author, the dateline opening its first paragraph (read across hard wraps:
 * 本报高唐9月29日讯(记者 刘 铭 通讯员 杨丽\n丽)) and a closing source line.
 */
import type { Byline } from '../schema.ts';
import type { ArticleNode, BlockNode } from './tree.ts';
import {
  asPhotoCredit,
  emptyPeople,
  mergePeople,
  parseAuthorLine,
  parseDateline,
  parseSignoffLine,
  ROLE_HINT,
  readShotNames,
  readCreditLine,
  scanCredit,
  type ParsedDateline,
  type People,
} from './bylines.ts';

export const textOf = (b: BlockNode) => b.pieces.map((p) => p.text.trim()).join(' ');

/** What one credit block says, and the outlet it names (新华社记者 → 新华社). */
function readCreditBlock(b: BlockNode): { people: People; outlet: string | null } {
  const people = emptyPeople();
  let outlet: string | null = null;
  for (const p of b.pieces) {
    const line = readCreditLine(p.text);
    if (line) {
      mergePeople(people, line.people);
      outlet ??= line.outlet;
      continue;
    }
    const signed = parseSignoffLine(p.text);
    if (signed) {
      mergePeople(people, signed);
      continue;
    }
    const shot = readShotNames(p.text);
    if (shot) {
      mergePeople(people, { ...emptyPeople(), photographers: shot });
      continue;
    }
    const inner = p.text
      .trim()
      .replace(/^[■□●▲◆★]\s*/u, '')
      .replace(/^[（(]|[）)]$/gu, '');
    const scanned = scanCredit(inner);
    if (scanned) {
      mergePeople(people, scanned.people);
      outlet ??= scanned.outlet;
    } else if (/^\s*[■□]/u.test(p.text)) {
      // □陈立新, ■ 商景豪 田柏林: names alone after the marker (a photo story reads them as its photographers).
      const names = inner.split(/\s+/u).filter(Boolean);
      if (names.length > 0 && names.every((n) => parseAuthorLine(n)))
        mergePeople(people, { ...emptyPeople(), reporters: names });
    }
  }
  return { people, outlet };
}

export function peopleOfCreditBlock(b: BlockNode): People {
  return readCreditBlock(b).people;
}

/** 据新华社, （据中新社电）: the agency a closing source line names. */
function agencyOfSource(text: string): string | null {
  const m = /据\s*([\p{Script=Han}·]{2,10}?)(?:电|报道|消息)?\s*[）)]?\s*$/u.exec(text.trim());
  return m?.[1] ?? null;
}

/** Takes a dateline off the start of a block whose lines may wrap inside it. */
function takeDateline(block: BlockNode): ParsedDateline | null {
  const dateline = parseDateline(block.pieces.map((p) => p.text.trim()).join(''));
  if (!dateline) return null;
  let left = dateline.raw.length;
  while (left > 0 && block.pieces.length > 0) {
    const first = block.pieces[0] as BlockNode['pieces'][number];
    const trimmed = first.text.trimStart();
    if (trimmed.trimEnd().length <= left) {
      left -= trimmed.trimEnd().length;
      block.pieces.shift();
    } else {
      first.text = trimmed.slice(left);
      left = 0;
    }
  }
  return dateline;
}

export interface StoryCredits {
  byline: Byline;
  dateline: ParsedDateline | null;
  /** The body, with the dateline taken off its first paragraph (copies: the node is untouched). */
  body: BlockNode[];
  /** Signed with names alone, no role word: a reader's or columnist's piece, or a short news item. */
  signedBare: boolean;
}

export function creditsOf(a: ArticleNode): StoryCredits {
  const people = emptyPeople();
  const raw: string[] = [];
  let outlet: string | null = null;
  let signedBare = false;
  for (const b of a.bylines) {
    raw.push(textOf(b));
    const credit = readCreditBlock(b);
    outlet ??= credit.outlet;
    // Signed with names alone: （侯敬方） after the text, or □陈立新 above it.
    if (
      (b.role === 'signoff' || b.role === 'byline') &&
      b.pieces.every((p) => !ROLE_HINT.test(p.text) && !/摄/u.test(p.text))
    )
      signedBare = true;
    mergePeople(people, a.layout === 'photo' ? asPhotoCredit(credit.people) : credit.people);
  }
  if (a.author) {
    raw.push(textOf(a.author));
    people.authors.push(...(parseAuthorLine(textOf(a.author)) ?? []));
  }
  const body = a.body.map((b) => ({ ...b, pieces: b.pieces.map((p) => ({ ...p })) }));
  const dateline = body[0] ? takeDateline(body[0]) : null;
  if (dateline) {
    raw.push(dateline.raw.trim());
    mergePeople(people, dateline.people);
    // A block left empty stays in place: subheads are counted by body block.
  }
  let source: string | null = null;
  for (const s of a.sources) {
    raw.push(textOf(s));
    source ??= agencyOfSource(textOf(s));
  }
  const wireDateline = dateline && dateline.agency !== '本报' ? dateline.agency : null;
  const agency = wireDateline ?? source ?? outlet ?? (raw.length > 0 ? '本报' : null);
  return { byline: { raw: raw.join(' '), ...people, agency }, dateline, body, signedBare };
}
