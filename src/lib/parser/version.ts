/**
 * The parser's version: a name people bump for notable changes, plus a hash
 * of the parser's own source and data files. Any edit to the grammar, the
 * gazetteer or the topic rules changes it, so caches keyed on it (the content
 * layer's data store, the parse cache) can never serve records from an older
 * parser.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const RELEASE = '1.3.0';

function sourceHash(): string {
  try {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const dirs = [here, path.resolve(here, '../../data')];
    const hash = createHash('sha256');
    for (const dir of dirs) {
      for (const f of readdirSync(dir).sort()) {
        if (!/\.(ts|json)$/u.test(f)) continue;
        hash
          .update(f)
          .update('\0')
          .update(readFileSync(path.join(dir, f)))
          .update('\0');
      }
    }
    return hash.digest('hex').slice(0, 12);
  } catch {
    // Bundled without its sources: the release name alone must do.
    return 'bundled';
  }
}

export const PARSER_VERSION = `${RELEASE}+${sourceHash()}`;
