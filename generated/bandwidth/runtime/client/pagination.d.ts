/**
 * Auto-paging from `x-switchboard-pagination`. A `Paginator` is an async
 * iterable of items; `pages()` walks page by page. Only the next link's
 * offset/page values are used, so the walk never leaves the client's origin.
 */
import type { Pagination, Params } from './types.js';
/** Every item of every page, fetched lazily; `pages()` gives whole pages. */
export declare class Paginator<Item, Page> implements AsyncIterable<Item> {
  private readonly fetchPage;
  private readonly spec;
  private readonly params;
  constructor(fetchPage: (params: Params) => Promise<Page>, spec: Pagination, params: Params);
  /** The pages, starting at the params' offset or page, until the next link is null. */
  pages(): AsyncGenerator<Page, void, undefined>;
  [Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined>;
}
