/**
 * The search page: results as the reader types, filters with counts, sort,
 * and the whole state in the URL so a search can be shared and back/forward
 * works. The index is fetched only once the reader starts searching.
 */
import { articleHitUrl, reporterUrl, searchUrl } from '../lib/site/routes.ts';
import { kindName } from '../lib/site/labels.ts';
import { formatDate, formatEstimate } from '../lib/site/format.ts';
import type { SearchResult, Filters, Hit } from '../lib/search/engine.ts';
import type { SearchRequest } from './search-worker.ts';
import { appendMarked } from './render-marks.ts';

const form = document.querySelector<HTMLFormElement>('#search-form');
const input = document.querySelector<HTMLInputElement>('#q');
const status = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLOListElement>('#search-results');
const more = document.querySelector<HTMLButtonElement>('#search-more');
const suggestion = document.querySelector<HTMLElement>('#search-suggestion');

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

/** A search's address, its parameters always in one order, so equal searches have equal addresses. */
function addressOf(values: (key: string) => string): string {
  const params: Record<string, string> = {};
  for (const k of ['q', ...FIELDS]) {
    const v = values(k).trim();
    if (v && !(k === 'sort' && v === 'relevance')) params[k] = v;
  }
  return searchUrl(params);
}

function toUrl(): string {
  const data = new FormData(form as HTMLFormElement);
  return addressOf((k) => String(data.get(k) ?? ''));
}

/** The address shown now, written the way toUrl writes it. */
function currentUrl(): string {
  const params = new URLSearchParams(location.search);
  return addressOf((k) => params.get(k) ?? '');
}

/**
 * History as a reader expects it. Typing rewrites the current entry; a new
 * entry starts only when the query leaves a committed state — the page as
 * arrived at, a search confirmed with Enter, a filter or sort chosen, or the
 * empty page — so Back returns to it. An entry is never pushed with the
 * address it already has.
 */
interface Entry {
  /** Words typed and not yet confirmed: typing goes on in this entry. */
  typing: boolean;
  /** The committed address typing left: typing back to it returns there rather than leave two equal entries. */
  from?: string;
}
function record(how: 'typing' | 'commit') {
  const url = toUrl();
  const here = currentUrl();
  if (how === 'typing') {
    if (url === here) return;
    const current = history.state as Entry | null;
    if (!current?.typing) {
      history.pushState({ typing: true, from: here } satisfies Entry, '', url);
    } else if (url === current.from) {
      // Typed back to where typing began (Escape, or every letter deleted): that entry already has this address.
      history.back();
    } else {
      history.replaceState({ typing: true, ...(current.from ? { from: current.from } : {}) } satisfies Entry, '', url);
    }
  } else if (url === here) {
    history.replaceState({ typing: false } satisfies Entry, '', url);
  } else {
    history.pushState({ typing: false } satisfies Entry, '', url);
  }
}

function fromUrl() {
  const params = new URLSearchParams(location.search);
  if (input) input.value = params.get('q') ?? '';
  for (const k of FIELDS) {
    const el = form?.elements.namedItem(k) as HTMLInputElement | HTMLSelectElement | null;
    if (el) el.value = params.get(k) ?? (k === 'sort' ? 'relevance' : '');
  }
}

function renderHit(hit: Hit): HTMLLIElement {
  const li = document.createElement('li');
  if (hit.kicker && hit.kicker !== hit.title) {
    const k = document.createElement('span');
    k.className = 'kicker';
    k.textContent = hit.kicker;
    li.append(k);
  }
  const a = document.createElement('a');
  a.className = 'headline';
  a.href = articleHitUrl(hit.id, hit.words.join(' '));
  appendMarked(a, hit.title, hit.titleMarks);
  li.append(a);
  const meta = document.createElement('div');
  meta.className = 'meta';
  const parts: Array<string | Node> = [kindName(hit.kind)];
  if (hit.date) {
    const time = document.createElement('time');
    time.dateTime = hit.date;
    time.textContent = formatDate(hit.date);
    parts.push(time);
  } else parts.push(formatDate(null));
  if (hit.county) parts.push(hit.county);
  parts.filter(Boolean).forEach((part, i) => meta.append(...(i > 0 ? [' · '] : []), part));
  li.append(meta);
  if (hit.byline) li.append(renderByline(hit.byline));
  const p = document.createElement('p');
  appendMarked(p, hit.snippet, hit.snippetMarks);
  li.append(p);
  return li;
}

/** The byline, when a name is why the story matched: 记者 张浩 · 通讯员 赵凯, each name linking to their page. */
function renderByline(byline: NonNullable<Hit['byline']>): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'byline';
  const roles = [...new Set(byline.map((c) => c.role))];
  roles.forEach((role, i) => {
    p.append(`${i > 0 ? ' · ' : ''}${role} `);
    byline
      .filter((c) => c.role === role)
      .forEach((c, k) => {
        if (k > 0) p.append('、');
        const target: HTMLElement = c.slug ? document.createElement('a') : document.createElement('span');
        if (target instanceof HTMLAnchorElement) target.href = reporterUrl(c.slug);
        appendMarked(target, c.name, c.marks);
        p.append(target);
      });
  });
  return p;
}

/** What the chosen filters say, for a search without words: 临清市 · 经济. */
function filterLabels(filters: Filters): string[] {
  const labels: string[] = [];
  for (const name of ['county', 'topic', 'kind'] as const) {
    const select = form?.elements.namedItem(name) as HTMLSelectElement | null;
    const option = select?.selectedOptions[0];
    if (filters[name] && option) labels.push(option.dataset.label ?? option.textContent ?? '');
  }
  if (filters.from && filters.to) labels.push(`${formatDate(filters.from)}至${formatDate(filters.to)}`);
  else if (filters.from) labels.push(`${formatDate(filters.from)}起`);
  else if (filters.to) labels.push(`${formatDate(filters.to)}前`);
  return labels;
}

function showSuggestion(text: string | null) {
  if (!suggestion) return;
  suggestion.replaceChildren();
  suggestion.hidden = !text;
  if (!text) return;
  const link = document.createElement('a');
  link.href = searchUrl({ q: text });
  link.textContent = text;
  link.addEventListener('click', (e) => {
    e.preventDefault();
    if (input) input.value = text;
    record('commit');
    void run();
  });
  suggestion.append('您要找的是不是 ', link, '？');
}

/** Counts beside each filter's options for this result; none (plain labels) without a result. */
function updateCounts(result: SearchResult | null) {
  const counts: Record<string, Record<string, number> | null> = {
    county: result?.facets.county ?? null,
    topic: result?.facets.topic ?? null,
    kind: result?.facets.kind ?? null,
  };
  for (const [name, byValue] of Object.entries(counts)) {
    const select = form?.elements.namedItem(name) as HTMLSelectElement | null;
    for (const option of select?.options ?? []) {
      if (!option.value) continue;
      const label = option.dataset.label ?? option.textContent ?? '';
      option.dataset.label = label;
      // Counts over many stories are estimated on the index's sample (engine.ts): 约, and rounded as such.
      const n = byValue?.[option.value] ?? 0;
      const count = result?.estimated ? formatEstimate(n) : String(n);
      option.textContent = byValue ? `${label}（${count}）` : label;
    }
  }
}

let page = 0;

async function run(append = false) {
  const { query, filters, sort } = state();
  if (!list || !status) return;
  if (!query && Object.keys(filters).length === 0) {
    list.replaceChildren();
    updateCounts(null);
    showSuggestion(null);
    status.textContent =
      '输入关键词开始搜索；多个词用空格分开，须同时出现。也可只选区县、专题、类别或日期，按日期列出稿件。';
    if (more) more.hidden = true;
    return;
  }
  page = append ? page + 1 : 0;
  const started = performance.now();
  const asked = toUrl();
  const { result, error, ms } = await ask({ query, filters, sort, page });
  // A slower answer to an older question is dropped.
  if (toUrl() !== asked) return;
  if (error || !result) {
    status.textContent = `搜索出错：${error ?? '未知错误'}`;
    return;
  }
  if (!append) list.replaceChildren();
  list.append(...result.hits.map((h) => renderHit(h)));
  updateCounts(result);
  showSuggestion(result.suggestion);
  if (result.match === 'filters') {
    const labels = filterLabels(filters).join(' · ');
    status.textContent =
      result.total > 0 ? `${labels} · 共 ${result.total} 篇，按日期排列` : `${labels} · 没有稿件。可以放宽条件。`;
  } else {
    const note =
      result.match === 'relaxed'
        ? '（未找到完全匹配，显示相近结果）'
        : result.match === 'partial'
          ? '（没有稿件包含全部关键词，显示包含关键词最多的稿件）'
          : result.match === 'pinyin'
            ? '（按读音匹配）'
            : '';
    status.textContent =
      result.total > 0
        ? `找到 ${result.total} 篇稿件${note}`
        : '没有找到相关稿件。可以减少关键词，或按区县、专题浏览。';
  }
  if (more) more.hidden = list.children.length >= result.total;
  // Which words the status and results now answer (the address changes as soon as the reader types).
  status.dataset.query = query;
  document.documentElement.dataset.searchMs = String(Math.round(performance.now() - started));
  // How much of that the engine took in the worker (the rest: messages and drawing the results).
  document.documentElement.dataset.searchEngineMs = String(Math.round(ms ?? 0));
  document.dispatchEvent(new CustomEvent('search:results', { detail: { total: result.total, query } }));
}

if (form && input) {
  document.documentElement.classList.add('search-ready');
  fromUrl();
  void run();
  // Start fetching the index as soon as the reader shows an intent to search.
  input.addEventListener('focus', () => ensureWorker().postMessage({ id: 0, warm: true }), { once: true });
  const onTyped = () => {
    record('typing');
    void run();
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
      onTyped();
    }
  });
  form.addEventListener('change', (e) => {
    if (e.target === input) return;
    record('commit');
    void run();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    record('commit');
    void run();
  });
  more?.addEventListener('click', () => void run(true));
  window.addEventListener('popstate', () => {
    fromUrl();
    void run();
  });
}
