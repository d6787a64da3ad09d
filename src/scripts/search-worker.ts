/// <reference lib="webworker" />
/**
 * Search runs here, off the page's main thread: fetching index files,
 * intersecting postings and ranking never block typing or scrolling.
 */
import { API_URLS } from '../lib/site/routes.ts';
import { SearchEngine, type Filters } from '../lib/search/engine.ts';

export interface SearchRequest {
  id: number;
  query: string;
  filters: Filters;
  sort: 'relevance' | 'date';
  page: number;
}

const base = new URL(API_URLS.searchIndex, self.location.origin);
let version = '';
const get = async (path: string) => {
  // The manifest is always fresh; every other file is named by the index version it belongs to.
  const url = new URL(path, base);
  if (path !== 'manifest.json') url.searchParams.set('v', version);
  const response = await fetch(url, path === 'manifest.json' ? { cache: 'no-cache' } : {});
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response;
};
const engine = new SearchEngine({
  json: async (path) => {
    const value = await (await get(path)).json();
    if (path === 'manifest.json') version = (value as { version: string }).version;
    return value;
  },
  bytes: async (path) => new Uint8Array(await (await get(path)).arrayBuffer()),
});

self.onmessage = async (event: MessageEvent<SearchRequest | { id: number; warm: true }>) => {
  const request = event.data;
  if ('warm' in request) {
    await engine.info();
    self.postMessage({ id: request.id, warm: true });
    return;
  }
  const started = performance.now();
  try {
    const result = await engine.search(request.query, request.filters, request.sort, request.page);
    self.postMessage({ id: request.id, result, ms: performance.now() - started });
  } catch (error) {
    self.postMessage({ id: request.id, error: String(error) });
  }
};
