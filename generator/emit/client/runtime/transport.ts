/**
 * One exchange on the wire: `fetch` with redirects followed by hand (so
 * credentials never reach another origin), and the response body read as
 * JSON, text or bytes.
 */

const MAX_REDIRECTS = 5;

/** The `RequestInit` the client builds: headers as a plain record, redirects manual. */
export interface Init {
  method: string;
  headers: Record<string, string>;
  body: BodyInit | null;
  redirect: RequestRedirect;
  signal?: AbortSignal;
}

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** `fetcher(url, init)`, following up to 5 redirects; `authorization` is dropped when one leaves `origin`. */
export async function fetchFollowing(
  fetcher: Fetch,
  url: string,
  init: Init,
  origin: string,
): Promise<Response> {
  for (let hops = 0; ; hops++) {
    const res = await fetcher(url, init);
    // Browsers hide redirects in manual mode; their own following drops credentials across origins.
    if (res.type === 'opaqueredirect') return fetcher(url, { ...init, redirect: 'follow' });
    const location = res.headers.get('location');
    if (!location || hops === MAX_REDIRECTS || ![301, 302, 303, 307, 308].includes(res.status))
      return res;
    await res.body?.cancel();
    url = new URL(location, url).href;
    const headers = { ...init.headers };
    if (new URL(url).origin !== origin) delete headers['authorization'];
    if (res.status === 303 || (res.status < 303 && init.method === 'POST')) {
      delete headers['content-type'];
      init = { ...init, method: 'GET', body: null, headers };
    } else init = { ...init, headers };
  }
}

/** Bytes with their type for binary downloads; otherwise JSON, else text; undefined when empty. */
export async function readBody(res: Response, binary: boolean | undefined): Promise<unknown> {
  const type = res.headers.get('content-type') ?? '';
  if (binary) return { data: new Uint8Array(await res.arrayBuffer()), contentType: type };
  const text = await res.text();
  if (!text) return undefined;
  if (type && !/json/i.test(type)) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
