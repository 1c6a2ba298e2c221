// An emulated field network for Node's fetch: 10 Mbit/s each way and 40 ms of latency, the
// settings of the browser benchmarks (field.*: Chromium's Network.emulateNetworkConditions), so
// that a client driving the real server on loopback spends the time a phone on 4G would.
//
// Each direction is a token bucket of `rate` bytes per second holding at most `burst` bytes: a
// request's bytes are taken from the upload bucket before it is sent, a response's bytes from the
// download bucket once it has arrived, and the caller waits until the bucket has paid for them (a
// bucket may go into debt: what is sent meanwhile queues behind). The fixed latency is added once
// per request, half before the server sees it and half before the response is handed over.
// Bytes are the bodies plus the headers (the response's as received; the request's as sent plus
// an estimate of what fetch adds itself).

export interface LinkSettings {
  /** Bytes per second, each way. */
  readonly rate: number;
  /** Bytes a bucket holds at most: what passes at once after a quiet moment. */
  readonly burst: number;
  /** Milliseconds added to each request. */
  readonly latencyMs: number;
}

/** 10 Mbit/s each way, 40 ms: shared/BENCHMARKS.md's field network, as the field.* benchmarks emulate it. */
export const FIELD_LINK: LinkSettings = { rate: 10_000_000 / 8, burst: 16 * 1024, latencyMs: 40 };

/** No emulation (loopback as it is): for telling the network's share from the server's and the client's. */
export const LOOPBACK: LinkSettings = { rate: Number.POSITIVE_INFINITY, burst: 0, latencyMs: 0 };

/**
 * Headers fetch (undici) adds to every request that the caller does not set: host, connection,
 * accept, accept-language, sec-fetch-mode, user-agent, accept-encoding, content-length; ~170 bytes
 * as Node 20 sends them, plus the request line.
 */
export const FETCH_HEADER_BYTES = 200;

export class TokenBucket {
  #tokens: number;
  #at: number;

  constructor(
    readonly rate: number,
    readonly burst: number,
    now: number,
  ) {
    if (!(rate > 0) || !(burst >= 0)) throw new RangeError(`token bucket rate ${rate}, burst ${burst}`);
    this.#tokens = burst;
    this.#at = now;
  }

  /**
   * Takes `bytes` handed to the link at `now` (ms); returns the time (ms) by which they have all
   * passed. Tokens come back at `rate` up to `burst`; a debt is paid before later bytes pass.
   */
  reserve(bytes: number, now: number): number {
    if (!(bytes >= 0)) throw new RangeError(`bytes ${bytes}`);
    const t = Math.max(now, this.#at);
    if (this.rate === Number.POSITIVE_INFINITY) {
      this.#at = t;
      return t;
    }
    this.#tokens = Math.min(this.burst, this.#tokens + ((t - this.#at) * this.rate) / 1000);
    this.#at = t;
    this.#tokens -= bytes;
    return this.#tokens >= 0 ? t : t + (-this.#tokens * 1000) / this.rate;
  }
}

/** Wire size of a request or response head: a line per header (`name: value\r\n`) and the blank line. */
export function headerBytes(headers: Iterable<[string, string]>): number {
  let bytes = 2;
  for (const [name, value] of headers) bytes += name.length + 2 + Buffer.byteLength(value) + 2;
  return bytes;
}

export interface LinkCounters {
  requests: number;
  bytesUp: number;
  bytesDown: number;
}

/** What the bench's clients send: string bodies, plain header records. */
export interface LinkRequest {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

export type FetchLike = (url: string, request: LinkRequest) => Promise<Response>;

export interface Clock {
  now(): number;
  sleepUntil(at: number): Promise<void>;
}

const realClock: Clock = {
  now: () => performance.now(),
  sleepUntil: async (at) => {
    const ms = at - performance.now();
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  },
};

/** A fetch whose requests and responses pass through one emulated link (both buckets shared by every call). */
export class EmulatedLink {
  readonly counters: LinkCounters = { requests: 0, bytesUp: 0, bytesDown: 0 };
  readonly #up: TokenBucket;
  readonly #down: TokenBucket;

  constructor(
    readonly settings: LinkSettings,
    private readonly inner: FetchLike = (url, request) => fetch(url, request),
    private readonly clock: Clock = realClock,
  ) {
    this.#up = new TokenBucket(settings.rate, settings.burst, clock.now());
    this.#down = new TokenBucket(settings.rate, settings.burst, clock.now());
  }

  readonly fetch: FetchLike = async (url, request) => {
    const body = request.body === undefined ? 0 : Buffer.byteLength(request.body);
    const sent = body + FETCH_HEADER_BYTES + headerBytes(Object.entries(request.headers));
    await this.clock.sleepUntil(this.#up.reserve(sent, this.clock.now()) + this.settings.latencyMs / 2);
    const response = await this.inner(url, request);
    const payload = await response.arrayBuffer();
    const received = payload.byteLength + headerBytes(response.headers) + `HTTP/1.1 ${response.status} ${response.statusText}\r\n`.length;
    await this.clock.sleepUntil(this.#down.reserve(received, this.clock.now()) + this.settings.latencyMs / 2);
    this.counters.requests += 1;
    this.counters.bytesUp += sent;
    this.counters.bytesDown += received;
    return new Response(payload, { status: response.status, statusText: response.statusText, headers: response.headers });
  };

  /** Counters since `before` (a copy taken earlier). */
  since(before: LinkCounters): LinkCounters {
    return {
      requests: this.counters.requests - before.requests,
      bytesUp: this.counters.bytesUp - before.bytesUp,
      bytesDown: this.counters.bytesDown - before.bytesDown,
    };
  }
}
