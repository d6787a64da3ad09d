/**
 * A page's id, from its seed file's name alone: the same name always gives
 * the same id, whatever other files sit beside it. A plain name (lower-case
 * letters and digits in words joined by - or _, ending .txt) is its own id;
 * any other name — Chinese, capitals, spaces, dots, a bare number — is made
 * URL-safe and followed by a hash of the whole name, so 聊城日报_2025.07.08_05.txt
 * and 大众日报_2025.07.08_05.txt, or dup a.txt and Dup-A.txt, stay apart.
 */
import { shortHash } from './text.ts';

const PLAIN = /^([a-z0-9]+(?:[-_][a-z0-9]+)*)\.txt$/u;

/** Ids the site already uses for its own paths (/pages/2/ is the listing's second page). */
const looksLikePager = (stem: string) => /^\d+$/u.test(stem);

export function pageIdOf(file: string): string {
  const plain = PLAIN.exec(file)?.[1];
  if (plain && !looksLikePager(plain)) return plain;
  const slug = file
    .replace(/\.[^.]*$/u, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  return `${slug || 'page'}-${shortHash(file)}`;
}
