import { readFileSync, readdirSync } from 'node:fs';
import { makeCorpus } from '../src/lib/corpus.ts';
import { parsePage } from '../src/lib/parser/index.ts';
import { decodeBytes } from '../src/lib/parser/decode.ts';
const sources = readdirSync('seeds').filter((f) => f.endsWith('.txt')).flatMap((f) => parsePage({ file: f, text: readFileSync('seeds/' + f, 'utf8') }).articles);
const corpus = makeCorpus(sources, { pages: 1000, seed: 1 });
const texts = corpus.map((p) => { const d = decodeBytes(p.bytes); return { file: p.file, text: d.ok ? d.text : '' }; });
for (let r = 0; r < 2; r++) { const t = Date.now(); for (const x of texts) parsePage(x); console.log(Date.now() - t, 'ms'); }
