/**
 * node scripts/lib/pagefind-index.ts <records.json> <output dir>
 *
 * Pagefind's index of the benchmark's stories, built in a process of its
 * own: when Pagefind's service dies (the kernel ends it when it runs out of
 * memory), its library never settles, and this process ends instead of the
 * benchmark hanging. bench-search.ts reads the exit code.
 */
import { readFileSync } from 'node:fs';
import * as pagefind from 'pagefind';

interface CustomRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
}

const [recordsFile, outputPath] = process.argv.slice(2);
if (!recordsFile || !outputPath) {
  console.error('usage: node scripts/lib/pagefind-index.ts <records.json> <output dir>');
  process.exit(2);
}
const records = JSON.parse(readFileSync(recordsFile, 'utf8')) as CustomRecord[];
const { index } = await pagefind.createIndex({});
if (!index) throw new Error('pagefind did not start');
for (const record of records) await index.addCustomRecord(record);
await index.writeFiles({ outputPath });
await pagefind.close();
