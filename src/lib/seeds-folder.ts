/** The folder of seed pages the site is built from: seeds/, or SEEDS_DIR (another folder: a corpus, a test's fixtures), relative to the project. */
import path from 'node:path';

export const SEEDS_FOLDER = process.env['SEEDS_DIR'] ?? 'seeds';

/** The seeds folder as an absolute path, from the project's root (the build's working folder by default). */
export const seedsFolderIn = (root: string = process.cwd()) => path.resolve(root, SEEDS_FOLDER);
