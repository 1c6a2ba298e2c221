// The sync engine's Transport over the API client: every failure becomes a TransportError, with
// `offline` set when the server could not be reached, so the engine keeps its outbox untouched.
import type { Collection } from '@relais/core/collections';
import type { PullResponse, PushRequest, PushResponse } from '@relais/core/protocol';
import { TransportError, type Transport } from '@relais/core/sync/types';
import type { ApiClient } from './client.ts';
import { ApiError } from './errors.ts';

export class HttpTransport implements Transport {
  /**
   * When set, pulls ask only for these collections (the phases of the first sync). The engine
   * does not know about it: whoever sets it also switches the cursor the engine reads.
   */
  only: readonly Collection[] | undefined = undefined;

  constructor(private readonly api: ApiClient) {}

  /** A renewed session token (the page renews it; the data Worker has its own client). */
  setToken(token: string | null): void {
    this.api.setToken(token);
  }

  push(request: PushRequest): Promise<PushResponse> {
    return wrap(() => this.api.push(request));
  }

  pull(since: number, limit: number): Promise<PullResponse> {
    return wrap(() => this.api.pull(since, limit, this.only));
  }
}

async function wrap<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiError) throw new TransportError(error.message, error.offline, error.status, error.code);
    throw error;
  }
}
