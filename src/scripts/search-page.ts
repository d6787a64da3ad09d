/**
 * The search page: results as the reader types, filters with counts, sort,
 * and the whole state in the URL so a search can be shared and back/forward
 * works. The index is fetched only once the reader starts searching.
 */
import { articleHitUrl } from '../lib/site/routes.ts';
import { kindName } from '../lib/site/labels.ts';
import type { SearchResult, Filters, Hit } from '../lib/search/engine.ts';
import type { SearchRequest } from './search-worker.ts';
import { appendMarked } from './render-marks.ts';

const form = document.querySelector<HTMLFormElement>('#search-form');
const input = document.querySelector<HTMLInputElement>('#q');
const status = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLOListElement>('#search-results');
const more = document.querySelector<HTMLButtonElement>('#search-more');

const FIELDS = ['county', 'topic', 'kind', 'from', 'to', 'sort'] as const;

let worker: Worker | null = null;
let seq = 0;
const pending = new Map<number, (data: { result?: SearchResult; error?: string; ms?: number }) => void>();

function ensureWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ id: number; result?: SearchResult; error?: string; ms?: number }>) => {
      pending.get(e.data.id)?.(e.data);
      pending.delete(e.data.id);
    };
  }
  return worker;
}

function ask(request: Omit<SearchRequest, 'id'>): Promise<{ result?: SearchResult; error?: string; ms?: number }> {
  const id = ++seq;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    ensureWorker().postMessage({ ...request, id });
  });
}

function state() {
  const data = new FormData(form as HTMLFormElement);
  const value = (k: string) => String(data.get(k) ?? '').trim();
  const filters: Filters = {};
  for (const k of ['county', 'topic', 'kind', 'from', 'to'] as const) if (value(k)) filters[k] = value(k);
  return { query: value('q'), filters, sort: (value('sort') || 'relevance') as 'relevance' | 'date' };
}

function toUrl(): string {
  const { query, filters, sort } = state();
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  if (sort !== 'relevance') params.set('sort', sort);
  const qs = params.toString();
  return `${location.pathname}${qs ? `?${qs}` : ''}`;
}

function fromUrl() {
  const params = new URLSearchParams(location.search);
  if (input) input.value = params.get('q') ?? '';
  for (const k of FIELDS) {
    const el = form?.elements.namedItem(k) as HTMLInputElement | HTMLSelectElement | null;
    if (el) el.value = params.get(k) ?? (k === 'sort' ? 'relevance' : '');
  }
}

function renderHit(hit: Hit, words: string): HTMLLIElement {
  const li = document.createElement('li');
  if (hit.kicker && hit.kicker !== hit.title) {
    const k = document.createElement('span');
    k.className = 'kicker';
    k.textContent = hit.kicker;
    li.append(k);
  }
  const a = document.createElement('a');
  a.className = 'headline';
  a.href = articleHitUrl(hit.id, words);
  appendMarked(a, hit.title, hit.titleMarks);
  li.append(a);
  const meta = document.createElement('div');
  meta.className = 'meta';
  meta.textContent = [kindName(hit.kind), hit.date ?? '日期不详', hit.county ?? ''].filter(Boolean).join(' · ');
  li.append(meta);
  const p = document.createElement('p');
  appendMarked(p, hit.snippet, hit.snippetMarks);
  li.append(p);
  return li;
}

function updateCounts(result: SearchResult) {
  const counts: Record<string, Record<string, number>> = {
    county: result.facets.county,
    topic: result.facets.topic,
    kind: result.facets.kind,
  };
  for (const [name, byValue] of Object.entries(counts)) {
    const select = form?.elements.namedItem(name) as HTMLSelectElement | null;
    for (const option of select?.options ?? []) {
      if (!option.value) continue;
      const label = option.dataset.label ?? option.textContent ?? '';
      option.dataset.label = label;
      option.textContent = result.query ? `${label}（${byValue[option.value] ?? 0}）` : label;
    }
  }
}

let page = 0;
let shownFor = '';

async function run(append = false) {
  const { query, filters, sort } = state();
  if (!list || !status) return;
  if (!query) {
    list.replaceChildren();
    status.textContent = '输入关键词开始搜索；多个词用空格分开，须同时出现。';
    if (more) more.hidden = true;
    return;
  }
  page = append ? page + 1 : 0;
  const started = performance.now();
  const { result, error } = await ask({ query, filters, sort, page });
  // A slower answer to an older question is dropped.
  if (state().query !== query) return;
  if (error || !result) {
    status.textContent = `搜索出错：${error ?? '未知错误'}`;
    return;
  }
  const words = query;
  if (!append) list.replaceChildren();
  list.append(...result.hits.map((h) => renderHit(h, words)));
  updateCounts(result);
  const note =
    result.match === 'relaxed' ? '（未找到完全匹配，显示相近结果）' : result.match === 'pinyin' ? '（按读音匹配）' : '';
  status.textContent =
    result.total > 0 ? `找到 ${result.total} 篇稿件${note}` : '没有找到相关稿件。可以减少关键词，或按区县、专题浏览。';
  if (more) more.hidden = list.children.length >= result.total;
  shownFor = query;
  document.documentElement.dataset.searchMs = String(Math.round(performance.now() - started));
  document.dispatchEvent(new CustomEvent('search:results', { detail: { total: result.total, query } }));
}

let settle: ReturnType<typeof setTimeout> | undefined;

if (form && input) {
  document.documentElement.classList.add('search-ready');
  fromUrl();
  if (input.value) void run();
  // Start fetching the index as soon as the reader shows an intent to search.
  input.addEventListener('focus', () => ensureWorker().postMessage({ id: 0, warm: true }), { once: true });
  const onTyped = () => {
    history.replaceState(null, '', toUrl());
    void run();
    // A pause in typing makes a history entry, so back returns to the previous search.
    clearTimeout(settle);
    settle = setTimeout(() => {
      if (shownFor && state().query === shownFor) history.pushState(null, '', toUrl());
    }, 1200);
  };
  // Search at once on every keystroke (a stale answer is dropped when it
  // arrives), but not on the pinyin letters of an IME still composing a
  // character: the search runs when the composition ends.
  input.addEventListener('input', (e) => {
    if (!(e as InputEvent).isComposing) onTyped();
  });
  input.addEventListener('compositionend', onTyped);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && input.value) {
      e.preventDefault();
      input.value = '';
      history.replaceState(null, '', toUrl());
      void run();
    }
  });
  form.addEventListener('change', (e) => {
    if (e.target === input) return;
    history.pushState(null, '', toUrl());
    void run();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    history.pushState(null, '', toUrl());
    void run();
  });
  more?.addEventListener('click', () => void run(true));
  window.addEventListener('popstate', () => {
    fromUrl();
    void run();
  });
}
