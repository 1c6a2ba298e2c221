// Pulls one page ahead. The sync engine asks for a page, stores it (decrypting, indexing, writing
// IndexedDB), then asks for the next: without read-ahead the network waits while the page is
// stored and the Worker waits while the next page downloads, so a first sync of 100 pages took
// the download time plus the storing time. With it, page N+1 downloads while page N is stored.
//
// A page fetched ahead is used only for exactly the request it anticipated (same cursor, limit,
// collection filter and token); anything else (a push, a new token, another filter) drops it. A
// failed read-ahead is forgotten and the page asked again, so the error the engine sees is current.
import type { Collection } from '@relais/core/collections';
import type { PullResponse, PushRequest, PushResponse } from '@relais/core/protocol';
import type { SyncTransport } from './service.ts';

interface Ahead {
  since: number;
  limit: number;
  only: string;
  page: Promise<PullResponse | null>;
}

function filterKey(only: readonly Collection[] | undefined): string {
  return only === undefined ? '*' : only.join(',');
}

export class ReadAheadTransport implements SyncTransport {
  #ahead: Ahead | null = null;

  constructor(private readonly inner: SyncTransport) {}

  get only(): readonly Collection[] | undefined {
    return this.inner.only;
  }

  set only(only: readonly Collection[] | undefined) {
    this.inner.only = only;
  }

  setToken(token: string | null): void {
    this.#ahead = null;
    this.inner.setToken(token);
  }

  push(request: PushRequest): Promise<PushResponse> {
    // What was read before a push may predate it: ask again after.
    this.#ahead = null;
    return this.inner.push(request);
  }

  async pull(since: number, limit: number): Promise<PullResponse> {
    const only = filterKey(this.inner.only);
    const ahead = this.#ahead;
    this.#ahead = null;
    let page: PullResponse | null = null;
    if (ahead && ahead.since === since && ahead.limit === limit && ahead.only === only) page = await ahead.page;
    page ??= await this.inner.pull(since, limit);
    // The filter may have changed while this page was awaited: read ahead only for the current one.
    if (page.more && page.next > since && filterKey(this.inner.only) === only) {
      const next = page.next;
      this.#ahead = {
        since: next,
        limit,
        only,
        page: this.inner.pull(next, limit).catch(() => null),
      };
    }
    return page;
  }
}
