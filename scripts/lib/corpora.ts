/** The truth files the project scores its parser against, with their pages. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const FIXTURES = path.resolve(import.meta.dirname, '../../tests/fixtures');

export interface Corpus {
  name: string;
  gold: string;
  pages: string;
}

function corpusAt(name: string, dir: string): Corpus {
  return { name, gold: path.join(dir, 'gold.json'), pages: path.join(dir, 'pages') };
}

/** The seeds, the team's real pages, and each batch of the project's own real corpus. */
export const CORPORA: Corpus[] = [
  { name: 'seeds', gold: path.join(FIXTURES, 'seeds.gold.json'), pages: path.resolve(FIXTURES, '../../seeds') },
  corpusAt('real', path.join(FIXTURES, 'real')),
  ...(existsSync(path.join(FIXTURES, 'corpus'))
    ? readdirSync(path.join(FIXTURES, 'corpus'))
        .filter((d) => existsSync(path.join(FIXTURES, 'corpus', d, 'gold.json')))
        .sort()
        .map((d) => corpusAt(`corpus/${d}`, path.join(FIXTURES, 'corpus', d)))
    : []),
];
