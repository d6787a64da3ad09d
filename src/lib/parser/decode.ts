/**
 * Turns the bytes of a seed file into text. Newsroom systems write UTF-8
 * (with or without a BOM), UTF-16 with a BOM, or GB18030/GBK; anything else
 * is reported, never guessed at.
 */

export type Decoded =
  | { ok: true; text: string; encoding: string }
  | { ok: false; reason: 'empty' | 'binary' | 'undecodable'; message: string };

function strictDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** C0 controls other than tab and line breaks, DEL, and the replacement character. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]/g;

/** Share of control characters (see CONTROL) in the text. */
function controlShare(text: string): number {
  if (text.length === 0) return 0;
  // A regex scan: a loop of charCodeAt ran many times slower in cold worker threads.
  return (text.match(CONTROL)?.length ?? 0) / text.length;
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) {
    return { ok: false, reason: 'empty', message: 'the file is empty' };
  }
  let text: string | null;
  let encoding: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = strictDecode(bytes, 'utf-8');
    encoding = 'utf-8-bom';
  } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    text = strictDecode(bytes, encoding);
  } else if (bytes.includes(0)) {
    return { ok: false, reason: 'binary', message: 'the file holds NUL bytes: it is binary, not page text' };
  } else {
    text = strictDecode(bytes, 'utf-8');
    encoding = 'utf-8';
    if (text === null) {
      text = strictDecode(bytes, 'gb18030');
      encoding = 'gb18030';
    }
  }
  if (text === null) {
    return {
      ok: false,
      reason: 'undecodable',
      message: 'the bytes are neither UTF-8, UTF-16 nor GB18030',
    };
  }
  // GB18030 maps almost any byte string to characters, so binary junk can
  // decode without error; control characters give it away.
  if (controlShare(text) > 0.02) {
    return { ok: false, reason: 'binary', message: `the file decodes as ${encoding} but is mostly control characters` };
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { ok: false, reason: 'empty', message: 'the file holds only blank lines' };
  return { ok: true, text, encoding };
}
