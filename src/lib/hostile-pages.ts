/**
 * Pages built to cost more than their size: the shapes a careless export or
 * an attacker can put in seeds/ (issue 9). bench:parse times each at 1 MB and
 * the tests parse each at a size where a quadratic step would take minutes.
 */

/** Repeats a unit until the text reaches `bytes` (UTF-8). */
function fill(bytes: number, unit: (i: number) => string, separator = '\n'): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const u = unit(i);
    parts.push(u);
    size += Buffer.byteLength(u) + separator.length;
  }
  return parts.join(separator);
}

export const HOSTILE_SHAPES: Record<string, (bytes: number) => string> = {
  /** 聊城 / === pairs: each a setext heading to micromark. */
  'setext headings': (n) => fill(n, () => '聊城\n==='),
  /** headline / ---------- / body triples. */
  'headline, rule, body': (n) => fill(n, (i) => `标题${i % 7}\n----------\n正文内容一段，本报记者报道。`),
  /** One line of `>`: a blockquote nested as deep as the line is long. */
  'one line of >': (n) => '>'.repeat(n),
  /** A list nested one level deeper on every line. */
  'nested list': (n) => fill(n, (i) => `${' '.repeat((i % 2000) * 2)}- 项目`),
  /** The same caption and credit again and again. */
  'identical captions': (n) => fill(n, () => '图为东昌府区一景。\n记者 张三 摄', '\n\n'),
  /** Jump lines run together on one line. */
  'one line of jump lines': (n) => fill(n, () => '（下转第8版）', ''),
  /** A whole page on one line, figures and all. */
  'one long line': (n) => fill(n, (i) => `聊城市今年产值达到${1000 + (i % 900)}亿元，同比增长5.6%。`, ''),
  /** Control characters everywhere (pdftotext's form feeds, Word's vertical tabs). */
  'control characters': (n) => fill(n, (i) => `东昌府区\u000b举办活动\u000c第${i}场，吸引市民\u001b参加。`),
};

/** A sidecar with one correction per article id: `keys` entries. */
export function hugeSidecar(keys: number): string {
  const corrections: Record<string, { headline: string }> = {};
  for (let i = 0; i < keys; i++) corrections[`page-a${i.toString(36)}`] = { headline: `标题${i}` };
  return JSON.stringify({ date: '2025-07-08', corrections }, null, 2);
}
