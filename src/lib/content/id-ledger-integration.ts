/**
 * The Astro integration that writes the id ledger (seeds/ids.json) when a
 * build is done. The moved-articles loader computes the ledger, but the
 * loader also runs in `astro check`, `astro sync` and `astro dev`, and beside
 * the seed loaders' parse workers, which read the ledger: so it only stages
 * what it computed (id-ledger-file.ts), and only a build that finished
 * writes it, once, after every page was built.
 */
import type { AstroIntegration } from 'astro';
import { writeStagedIdLedgers } from '../id-ledger-file.ts';

export function idLedgerIntegration(): AstroIntegration {
  return {
    name: 'id-ledger',
    hooks: {
      'astro:build:done': ({ logger }) => {
        for (const problem of writeStagedIdLedgers()) logger.warn(problem);
      },
    },
  };
}
