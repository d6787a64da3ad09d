/**
 * Turns the bytes of a seed file into text. Newsroom systems write UTF-8
 * (with or without a BOM), UTF-16 with a BOM, or GB18030/GBK; anything else
 * is reported, never guessed at. A few damaged bytes do not lose the page:
 * they become U+FFFD, and the decoder says where they were.
 */

export type Decoded =
  | {
      ok: true;
      text: string;
      encoding: string;
      /** Where bytes that did not decode were replaced by U+FFFD (1-based line and column). */
      damage: Array<{ line: number; column: number }>;
    }
  | { ok: false; reason: 'empty' | 'binary' | 'undecodable'; message: string };

const decoder = (encoding: string, fatal: boolean) => new TextDecoder(encoding, { fatal, ignoreBOM: false });

function strictDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return decoder(encoding, true).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes what decodes, marking each bad sequence with U+FFFD — if the text
 * is plausibly in this encoding: at least four good non-ASCII characters for
 * each run of bad ones. A stray byte in a UTF-8 page passes; a GB18030 page
 * read as UTF-8 has about one accidental good character per bad run (measured
 * on the seeds and the real corpus) and does not.
 */
function lenientDecode(bytes: Uint8Array, encoding: string): string | null {
  const text = decoder(encoding, false).decode(bytes);
  let badRuns = 0;
  let good = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd && !inRun) badRuns++;
    else if (c > 0x7f && c !== 0xfffd) good++;
    inRun = c === 0xfffd;
  }
  return good >= 4 * badRuns ? text : null;
}

/** Line and column of every U+FFFD, for a warning that says where the damage is. */
function replacements(text: string): Array<{ line: number; column: number }> {
  const out: Array<{ line: number; column: number }> = [];
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    } else if (c === 0xfffd) out.push({ line, column: i - lineStart + 1 });
  }
  return out;
}

/**
 * C0 controls and DEL, but those text exports do carry: tab and line breaks,
 * the vertical tab (Word's soft break), the form feed (pdftotext's page
 * break) and ESC (a terminal's colours). The parser's door removes those.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]/g;

/** Share of control characters (see CONTROL) in the text. */
function controlShare(text: string): number {
  if (text.length === 0) return 0;
  // A regex scan: a loop of charCodeAt ran many times slower in cold worker threads.
  return (text.match(CONTROL)?.length ?? 0) / text.length;
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) {
    return { ok: false, reason: 'empty', message: '文件是空的' };
  }
  let text: string | null;
  let encoding: string;
  let strict = true;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8-bom';
    text = strictDecode(bytes, 'utf-8');
    if (text === null) [text, strict] = [decoder('utf-8', false).decode(bytes), false];
  } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    text = strictDecode(bytes, encoding);
    if (text === null) [text, strict] = [decoder(encoding, false).decode(bytes), false];
  } else if (bytes.includes(0)) {
    return {
      ok: false,
      reason: 'binary',
      message: '文件里有 NUL 字节，是二进制文件，不是版面文字：请导出为 .txt 文本',
    };
  } else {
    // UTF-8 first, damaged UTF-8 before GB18030: UTF-8 checks itself, and
    // GB18030 would read a UTF-8 page with one stray byte as a page of nonsense.
    encoding = 'utf-8';
    text = strictDecode(bytes, 'utf-8');
    if (text === null) [text, strict] = [lenientDecode(bytes, 'utf-8'), false];
    if (text === null) [text, strict, encoding] = [strictDecode(bytes, 'gb18030'), true, 'gb18030'];
    if (text === null) [text, strict] = [lenientDecode(bytes, 'gb18030'), false];
  }
  if (text === null) {
    return {
      ok: false,
      reason: 'undecodable',
      message: '文字编码既不是 UTF-8、UTF-16，也不是 GB18030：请用记事本等另存为 UTF-8',
    };
  }
  // GB18030 maps almost any byte string to characters, so binary junk can
  // decode without error; control characters give it away.
  if (controlShare(text) > 0.02) {
    return {
      ok: false,
      reason: 'binary',
      message: `按 ${encoding} 读出来大多是控制字符，不是版面文字：请重新导出为 .txt 文本`,
    };
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { ok: false, reason: 'empty', message: '文件里只有空行' };
  return { ok: true, text, encoding, damage: strict ? [] : replacements(text) };
}
