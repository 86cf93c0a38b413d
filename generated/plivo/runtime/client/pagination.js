/** Every item of every page, fetched lazily; `pages()` gives whole pages. */
export class Paginator {
  fetchPage;
  spec;
  params;

  constructor(fetchPage, spec, params) {
    this.fetchPage = fetchPage;
    this.spec = spec;
    this.params = params;
  }

  /** The pages, starting at the params' offset or page, until the next link is null. */
  async *pages() {
    let params = this.params;
    for (;;) {
      const page = await this.fetchPage(params);
      yield page;
      const next = nextParams(this.spec, params, page);
      if (!next) return;
      params = next;
    }
  }

  async *[Symbol.asyncIterator]() {
    for await (const page of this.pages()) yield* itemsOf(this.spec, page);
  }
}

function itemsOf(spec, page) {
  const items = page?.[spec.items];
  return Array.isArray(items) ? items : [];
}

/** The params of the page after `page`, or undefined at the end (null link, empty page, or no progress). */
function nextParams(spec, params, page) {
  const link = spec.next.split('.').reduce((at, key) => at?.[key], page);
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
  const out = { ...params, [name]: value };
  if (size && query.has(size)) out[size] = Number(query.get(size));
  return out;
}
