/**
 * Asynchronous requests: the mock answers at once with the acknowledgement
 * and then sends the real response to the caller's callback URL. Only
 * loopback addresses are called; any other URL is refused and logged, so a
 * mock can never be turned into a request cannon.
 */

/** True for http(s) URLs on 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Delivers callbacks and keeps a record of each. */
export class Callbacks {
  records = [];
  pending = new Set();

  fetchImpl;
  log;

  constructor(fetchImpl, log) {
    this.fetchImpl = fetchImpl;
    this.log = log;
  }

  /** Sends `body` to `url` after the current response has gone out. */
  send(url, method, status, body) {
    const record = {
      url,
      method: method.toUpperCase() === 'GET' ? 'GET' : 'POST',
      status,
      body,
      outcome: 'pending',
    };
    this.records.push(record);
    if (!isLoopbackUrl(url)) {
      record.outcome = 'refused';
      record.error =
        'only loopback callback URLs (127.0.0.0/8, ::1, localhost) are called by the mock';
      this.log(`refused callback to ${url}: ${record.error}`);
      return record;
    }
    const task = new Promise((resolve) => setTimeout(resolve, 0)).then(() => this.deliver(record));
    this.pending.add(task);
    void task.finally(() => this.pending.delete(task));
    return record;
  }

  /** Resolves when every callback sent so far has been delivered or has failed. */
  async settled() {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  reset() {
    this.records.length = 0;
  }

  async deliver(record) {
    const doFetch = this.fetchImpl ?? globalThis.fetch;
    // `msw/passthrough` tells MSW (when it is active in this process) to let the callback through to the network.
    const headers = {
      accept: 'application/json, msw/passthrough',
      'x-mock-status': String(record.status),
    };
    let target = record.url;
    let body;
    if (record.method === 'GET') {
      const url = new URL(record.url);
      if (record.body && typeof record.body === 'object') {
        for (const [k, v] of Object.entries(record.body))
          url.searchParams.set(k, typeof v === 'string' ? v : JSON.stringify(v));
      }
      target = url.toString();
    } else {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(record.body ?? null);
    }
    try {
      const res = await doFetch(target, {
        method: record.method,
        headers,
        ...(body !== undefined ? { body } : {}),
        redirect: 'manual',
        signal: AbortSignal.timeout(10_000),
      });
      await res.arrayBuffer().catch(() => undefined);
      record.outcome = 'delivered';
      this.log(`callback ${record.method} ${record.url} → ${res.status}`);
    } catch (error) {
      record.outcome = 'failed';
      record.error = error.message;
      this.log(`callback ${record.method} ${record.url} failed: ${record.error}`);
    }
  }
}
