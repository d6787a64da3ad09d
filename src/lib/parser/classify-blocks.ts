/**
 * unified plugin: cuts each raw block where its lines change role — a credit
 * line, a credit that opens or closes a line, a byline signed after the last
 * sentence, a standfirst, a jump line, a promo, the folio — and where a
 * dateline opens another story, so the segmenter sees blocks of one role each.
 */
import type { BlockNode, BlockRole, Piece, PageTree } from './tree.ts';
import {
  parseCreditLine,
  parseDateline,
  endsWithShot,
  parseSignoffLine,
  splitLeadingCredit,
  splitSignoff,
  splitTrailingCredit,
  bareNames,
} from './bylines.ts';
import { countSentenceStops, displayWidth, endsSentence } from './text.ts';
import { FOLIO_DATE } from './dates.ts';
import { readFolioLine } from './masthead.ts';

const JUMP = /[（(]\s*(?:下转|上接|转|接)第?\s*[A-Za-z]?\d{1,2}\s*版[^（）()]{0,8}[）)]\s*$/u;
/** 更多…请见…, 扫码下载…, 扫描二维码…: a promo line (扫码 inside a sentence is text: 市民扫码注册). */
const PROMO =
  /^(?:更多|详细|完整|全文).{0,24}(?:请见|详见|请看|请关注|请登录|请扫|见)|^(?:扫码|扫描二维码|扫一扫|长按识别|下载.{0,12}客户端)|客户端.{0,12}(?:频道|查看|看更多.{0,6})$/u;
const STANDFIRST = /^\s*[◆◇]/u;
/** 据新华社, （据中新社）, 据新闻联播, 据央视: the copy's source, closing the story above. */
const SOURCE_NAME = '(?:[\\p{Script=Han}·]{2,10}?(?:社|报|网|台|新闻|联播|客户端|消息)|央视|新华|中新)';
const SOURCE = new RegExp(`^\\s*[（(]?\\s*据\\s*${SOURCE_NAME}(?:电|报道|消息)?\\s*[）)]?\\s*$`, 'u');
/** The same source after the story's last sentence on its line: …万棵。 据中新社 */
const TRAILING_SOURCE = new RegExp(
  `(?<=[。！？”])\\s*[（(]?\\s*据\\s*${SOURCE_NAME}(?:电|报道|消息)?\\s*[）)]?\\s*$`,
  'u',
);
/** 详见C02版, （详见本报第5版）: a pointer from the story above to another page. */
const CROSS_REF =
  /^\s*[（(]?\s*(?:详见|详情见|参见|见)\s*(?:本报)?\s*(?:第\s*)?[A-Za-z]?\d{1,2}\s*版[^。！？]{0,12}?[）)]?\s*$/u;
/** The folio: the desk's names (责任编辑：…) or the day (2025年11月20日 星期四) on a short line. */
const FOLIO_CREDITS = /(?:责任编辑|责编|美术编辑|美编|校对|版式设计|版式|组版|值班编辑)\s*[:：]/u;
/** The desk's contact lines. */
const CONTACT =
  /^\s*[\p{Script=Han}·]{0,8}?(?:新闻热线|报料热线|投稿邮箱|广告热线|发行热线|订阅热线|订报热线|值班电话)\s*[:：]/u;

/** The page's label at the head of the folio: L05 今日聊城·城事, A2  要闻, C1  图片, 16 聊城观察. */
const PAGE_LABEL = /^(?:[A-Z]{1,2}\d{1,2}|\d{1,2})(?:\s+[\p{Script=Han}·]{1,10}){0,2}\s*$/u;

function isFurniture(text: string): boolean {
  const t = text.trim();
  if (PAGE_LABEL.test(t)) return true;
  if (FOLIO_CREDITS.test(t) || CONTACT.test(t)) return true;
  // 聊城日报 第3版 今日聊城·城事: a folio that names its paper or its 第N版.
  if (t.length <= 40 && /版|报/u.test(t)) {
    const folio = readFolioLine(t);
    if (folio?.pageLabel && (folio.edition || /^第/u.test(t))) return true;
  }
  if (t.length <= 40 && PROMO.test(t)) return true;
  return t.length <= 60 && FOLIO_DATE.test(t) && !endsSentence(t);
}

type RolePiece = { role: BlockRole; piece: Piece };

/**
 * How many credits, jump lines and sources one line may shed from its ends.
 * A real line carries one or two; a line of thousands of （下转第8版） would
 * otherwise cost a pass over the line for each, and the rest stays text.
 */
const MAX_PEELS = 8;

/**
 * A line's pieces with their roles: a credit peeled off its start, jump
 * lines and sources off its end (each peel tries the line again), and what
 * is left read whole — in that order of tests, the first that fits wins.
 */
function rolePieces(piece: Piece): RolePiece[] {
  const { line } = piece;
  const at = (role: BlockRole, t: string) => ({ role, piece: { line, text: t } });
  const head: RolePiece[] = [];
  const tail: RolePiece[] = [];
  const finish = (...middle: RolePiece[]) => [...head, ...middle, ...tail.reverse()];
  let text = piece.text;
  for (let peels = 0; ; peels++) {
    const role = lineRole(text);
    if (role) return finish(at(role, text));
    const mayPeel = peels < MAX_PEELS;
    const lead = mayPeel ? splitLeadingCredit(text) : null;
    if (lead) {
      head.push(at('byline', lead.credit));
      text = lead.rest;
      continue;
    }
    const jump = JUMP.exec(text);
    if (jump && text.slice(0, jump.index).trim() === '') return finish(at('jump', text));
    if (jump && mayPeel) {
      tail.push(at('jump', jump[0]));
      text = text.slice(0, jump.index);
      continue;
    }
    const trail = splitTrailingCredit(text);
    if (trail) return finish(at('text', trail.text), at('photo-credit', trail.credit));
    const source = mayPeel && text.includes('据') ? TRAILING_SOURCE.exec(text) : null;
    if (source && source.index > 0) {
      tail.push(at('source', source[0]));
      text = text.slice(0, source.index);
      continue;
    }
    const signoff = splitSignoff(text);
    if (signoff) return finish(at('text', signoff.text), at('signoff', signoff.credit));
    if (isFurniture(text)) return finish(at('furniture', text));
    return finish(at('text', text));
  }
}

/** The role a whole line takes by its own marks, before anything is peeled off it. */
function lineRole(text: string): BlockRole | null {
  if (parseCreditLine(text)) return 'byline';
  // Each test below runs only where its mark is on the line: most lines are plain text.
  const short = text.length <= 48;
  if (short && /^\s*[（(]/u.test(text) && parseSignoffLine(text)) return 'signoff';
  if (short && /^\s*[■□]/u.test(text) && markedNames(text)) return 'byline';
  if (text.includes('据') && short && SOURCE.test(text) && text.trim().length <= 24) return 'source';
  if (short && text.includes('见') && CROSS_REF.test(text)) return 'cross-ref';
  return null;
}

/**
 * A dateline at the start of a line after a finished sentence opens another
 * story, blank line or not: briefs are often set one after another.
 */
function opensStory(before: BlockNode, role: BlockRole, piece: Piece): boolean {
  const previous = before.pieces[before.pieces.length - 1];
  return role === 'text' && previous !== undefined && endsSentence(previous.text) && parseDateline(piece.text) !== null;
}

/**
 * A picture credit cut by a hard wrap (…壮观。 ■ 本报记者 / 朱玉东, ■ 本 / 报记者 张洁)
 * is joined back onto one line, so it is read whole.
 */
function joinWrappedCredits(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k] as Piece;
    const next = pieces[k + 1];
    const marker = piece.text.search(/[■□][^■□]{0,12}$/u);
    // …事迹。本报记者 张承 / 斌 摄: a bare credit whose last characters wrapped onto a short line.
    const bare = next !== undefined && /摄\s*$/u.test(next.text) && next.text.trim().length <= 6;
    // …宣传教育力度。 (姜建军 / ): a signature whose bracket closes on the next line.
    const bracket =
      next !== undefined && /[（(][^（）()]{0,12}$/u.test(piece.text) && /^[^（）()]{0,6}[）)]\s*$/u.test(next.text);
    if (next && (marker >= 0 || bare || bracket) && !splitTrailingCredit(piece.text) && !parseCreditLine(piece.text)) {
      const joined = `${piece.text.trimEnd()}${next.text.trim()}`;
      const cut = joined.search(/[■□][^■□]*$/u);
      const credit = cut >= 0 ? joined.slice(cut) : '';
      const signed = bracket && (splitSignoff(joined) || parseSignoffLine(joined));
      if (
        signed ||
        (credit.length <= 24 && (splitTrailingCredit(joined) || parseCreditLine(credit) || markedNames(credit)))
      ) {
        out.push({ line: piece.line, text: joined });
        k++;
        continue;
      }
    }
    out.push(piece);
  }
  return out;
}

/** ■ 吴建正, ■ 商景豪 田柏林: a marker and names alone credit a picture. */
function markedNames(text: string): boolean {
  const m = /^\s*[■□]\s*(\S.*)$/u.exec(text);
  return m !== null && bareNames(m[1] ?? '') !== null;
}

/** A title set on its own line right on top of its text reaches at most this share of the text's lines. */
const GLUED_TITLE_SHARE = 0.75;
const MAX_GLUED_TITLE = 26;

/**
 * 暖!过路司机为执勤交警送上西瓜 / 开车偶遇交警执勤…: a column item's small
 * headline set right on its text, with no blank line. The first line is much
 * shorter than the lines under it and finishes no sentence: a title, not the
 * start of a paragraph (a paragraph's first line runs the column's width).
 */
function gluedTitle(pieces: Piece[]): boolean {
  const [first, ...rest] = pieces.map((p) => p.text.trim());
  if (first === undefined || rest.length === 0) return false;
  const widest = Math.max(...rest.slice(0, 4).map(displayWidth));
  const width = displayWidth(first);
  return (
    width <= MAX_GLUED_TITLE &&
    width < widest * GLUED_TITLE_SHARE &&
    // Prose under it; a title of its own finishes no sentence, nor is it a caption closed by a credit.
    countSentenceStops(rest.join('')) > 0 &&
    countSentenceStops(first) === 0 &&
    !endsWithShot(first) &&
    !endsSentence(first) &&
    !/[，,、：:（(“《—]$/u.test(first) &&
    !parseDateline(first) &&
    !parseCreditLine(first) &&
    !/^[■□▲●◆]/u.test(first)
  );
}

export function classifyBlock(block: BlockNode): BlockNode[] {
  if (STANDFIRST.test(block.pieces[0]?.text ?? '')) return [{ ...block, role: 'standfirst' }];
  if (block.role === 'text' && gluedTitle(block.pieces)) {
    const [title, ...text] = block.pieces;
    const head: BlockNode = { ...block, pieces: title ? [title] : [] };
    return [head, ...classifyBlock({ ...block, pieces: text, gapBefore: 0 })];
  }
  const out: BlockNode[] = [];
  for (const piece of joinWrappedCredits(block.pieces)) {
    for (const { role, piece: p } of rolePieces(piece)) {
      const last = out[out.length - 1];
      if (last && last.role === role && role !== 'jump' && !opensStory(last, role, p)) last.pieces.push(p);
      else out.push({ type: 'block', role, pieces: [p], gapBefore: out.length === 0 ? block.gapBefore : 0 });
    }
  }
  return out;
}

export default function classifyBlocks() {
  return (tree: PageTree) => {
    tree.children = tree.children.flatMap<PageTree['children'][number]>((node) =>
      node.type === 'block' ? classifyBlock(node) : [node],
    );
  };
}
