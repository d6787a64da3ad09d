import type { APIRoute } from 'astro';
import { json, loadSearchIndex } from '../../lib/site/search-index.ts';

export const GET: APIRoute = async () => json((await loadSearchIndex()).pinyin);
