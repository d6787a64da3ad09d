/**
 * Whether a line break cuts a sentence. A headline or a subhead is a short
 * line that ends on purpose; a hard wrap at the end of a page column
 * (「2022年,我省发布《关于深化改革」) only looks like one. The grammar below
 * names what shows that the line runs on into the next: something it leaves
 * unfinished, or something the next line could only say mid-sentence.
 */
import { gazetteer } from './gazetteer.ts';
import { WordFinder } from './word-finder.ts';

/** Why a line is a cut sentence, not a line of its own. */
export type SentenceCut =
  /** It ends in a mark that continues the sentence: ，、：《“ or a single dash. */
  | 'continuing-mark'
  /** It opens 《 “ （ 「 and does not close it. */
  | 'open-pair'
  /** It ends in a word that must have words after it: 关于, 以及, 而. */
  | 'function-word'
  /** The next line opens with a mark no sentence opens with: ，。、；：）”》. */
  | 'next-continues'
  /** The next line closes 》 ” ） in its first sentence without opening it. */
  | 'next-closes'
  /** A number is cut in two: 2022 / 年, 17. / 17万. */
  | 'split-number'
  /** A place name is cut in two: 顾官屯 / 镇黄河湿地. */
  | 'split-name';

const CONTINUING_END = /[，,、：:（(“‘《「—-]$/u;
/** ——: a dash-led subheadline's own dash, or a headline's closing one, ends nothing. */
const DOUBLE_DASH_END = /——$/u;
const CONTINUING_START = /^[，,。、；;：:）)”’》」！？!?…]/u;

const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['《', '》'],
  ['“', '”'],
  ['（', '）'],
  ['(', ')'],
  ['「', '」'],
];

/**
 * Words that need what follows them and so never end a headline: compound
 * conjunctions and prepositions, and 而 / 或. Single characters such as 与,
 * 和, 及, 对, 向 end real headlines (参与, 祥和, 惠及, 结对, 转向) and are left out.
 */
const FUNCTION_WORD_END = /(?:关于|对于|由于|随着|按照|根据|为了|因为|所以|但是|而且|并且|或者|以及|以便|而|或)$/u;

/** A number cut at the line end: digits (or a decimal point) then digits, a point or a unit. */
const NUMBER_END = /[0-9０-９][.．]?$/u;
const NUMBER_CONTINUES = /^(?:[0-9０-９.．%％]|[年月日号时分秒万亿千百余多个]|(?:元|吨|亩|公里|平方米))/u;

/** Every place name the gazetteer knows, three characters or more (two-character ones end too many words). */
const PLACE_NAMES = new WordFinder(
  [gazetteer.prefecture, ...gazetteer.units, ...gazetteer.units.flatMap((u) => u.towns)]
    .flatMap((p) => [p.name, ...p.aliases])
    .filter((name) => name.length >= 3),
);
/** Longest place name looked for across a break. */
const NAME_REACH = 12;

/** A place name starts on the line and ends on the next: 串联起聊城高新区顾官屯 / 镇黄河湿地. */
function nameAcross(text: string, after: string): boolean {
  const tail = text.slice(-NAME_REACH);
  const joined = tail + after.slice(0, NAME_REACH);
  let across = false;
  PLACE_NAMES.forEach(joined, (word, index) => {
    if (index < tail.length && index + word.length > tail.length) across = true;
  });
  return across;
}

/** The text opens with a mark no sentence opens with: it is the rest of one. */
export const startsMidSentence = (text: string) => CONTINUING_START.test(text.trim());

/** The text opens a quotation, title or bracket it does not close. */
export function leavesOpen(text: string): boolean {
  return PAIRS.some(([open, close]) => text.lastIndexOf(open) > text.lastIndexOf(close));
}

/** The first sentence of the text closes a quotation, title or bracket it never opened. */
export function closesUnopened(text: string): boolean {
  const first = /^[^。！？!?]*/u.exec(text)?.[0] ?? '';
  return PAIRS.some(([open, close]) => {
    const closing = first.indexOf(close);
    return closing >= 0 && (first.indexOf(open) < 0 || first.indexOf(open) > closing);
  });
}

/**
 * The reason the line (trimmed) is a sentence cut by a wrap that the next
 * line continues, or null when the line may end on purpose. `next` is the
 * text right after it, when there is any.
 */
export function cutsSentence(line: string, next?: string): SentenceCut | null {
  const text = line.trim();
  const after = next?.trim() ?? '';
  if (CONTINUING_END.test(text) && !DOUBLE_DASH_END.test(text)) return 'continuing-mark';
  if (leavesOpen(text)) return 'open-pair';
  if (FUNCTION_WORD_END.test(text)) return 'function-word';
  if (after === '') return null;
  if (startsMidSentence(after)) return 'next-continues';
  if (closesUnopened(after)) return 'next-closes';
  if (NUMBER_END.test(text) && NUMBER_CONTINUES.test(after)) return 'split-number';
  if (nameAcross(text, after)) return 'split-name';
  return null;
}
