import type { APIRoute } from 'astro';
import { binary, loadSearchIndex } from '../../lib/site/search-index.ts';

export const GET: APIRoute = async () => binary((await loadSearchIndex()).sample);
