/**
 * Text for the RSS feed. Feed readers decode the XML and then most of them
 * render the description — and some the title — as HTML, so seed text that
 * looks like markup (<img src=… onerror=…>, a remote image that would track
 * readers) must reach them as text: the description is HTML-escaped before
 * the feed's own XML escaping, and a title's angle brackets become the
 * full-width ＜＞ Chinese text uses anyway.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A description readers will show as the text it is, whether they render HTML or not. */
export const feedDescription = (text: string) => text.replace(/[&<>"']/gu, (ch) => HTML_ESCAPES[ch] ?? ch);

/** A title no reader can take for markup. */
export const feedTitle = (text: string) => text.replace(/</gu, '＜').replace(/>/gu, '＞');
