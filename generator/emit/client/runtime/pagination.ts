/**
 * Auto-paging from `x-switchboard-pagination`. A `Paginator` is an async
 * iterable of items; `pages()` walks page by page. Only the next link's
 * offset/page values are used, so the walk never leaves the client's origin.
 */
import type { Pagination, Params } from './types.js';

/** Every item of every page, fetched lazily; `pages()` gives whole pages. */
export class Paginator<Item, Page> implements AsyncIterable<Item> {
  private readonly fetchPage: (params: Params) => Promise<Page>;
  private readonly spec: Pagination;
  private readonly params: Params;

  constructor(fetchPage: (params: Params) => Promise<Page>, spec: Pagination, params: Params) {
    this.fetchPage = fetchPage;
    this.spec = spec;
    this.params = params;
  }

  /** The pages, starting at the params' offset or page, until the next link is null. */
  async *pages(): AsyncGenerator<Page, void, undefined> {
    let params = this.params;
    for (;;) {
      const page = await this.fetchPage(params);
      yield page;
      const next = nextParams(this.spec, params, page);
      if (!next) return;
      params = next;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) yield* itemsOf(this.spec, page) as Item[];
  }
}

function itemsOf(spec: Pagination, page: unknown): unknown[] {
  const items = (page as Record<string, unknown> | undefined)?.[spec.items];
  return Array.isArray(items) ? items : [];
}

/** The params of the page after `page`, or undefined at the end (null link, empty page, or no progress). */
function nextParams(spec: Pagination, params: Params, page: unknown): Params | undefined {
  const link = spec.next.split('.').reduce<any>((at, key) => at?.[key], page);
  const count = itemsOf(spec, page).length;
  if (link == null || link === '' || count === 0) return undefined;
  const query = new URL(String(link), 'http://localhost').searchParams;
  const offset = spec.style === 'offset';
  const name = offset ? spec.offsetParam : spec.pageParam;
  const size = offset ? spec.limitParam : spec.pageSizeParam;
  if (!name) return undefined;
  const current = Number(params[name] ?? 0);
  const value = query.has(name) ? Number(query.get(name)) : current + (offset ? count : 1);
  if (!(value > current)) return undefined;
  const out: Params = { ...params, [name]: value };
  if (size && query.has(size)) out[size] = Number(query.get(size));
  return out;
}
