import { describe, expect, it } from 'vitest';
import { EmulatedLink, FETCH_HEADER_BYTES, FIELD_LINK, headerBytes, LOOPBACK, TokenBucket, type Clock, type LinkRequest } from './network.ts';

describe('TokenBucket', () => {
  it('lets a burst through at once and makes the rest wait at the rate', () => {
    const bucket = new TokenBucket(1000, 100, 0);
    expect(bucket.reserve(100, 0)).toBe(0);
    // The bucket is empty: 500 more bytes take half a second.
    expect(bucket.reserve(500, 0)).toBe(500);
  });

  it('queues bytes handed over while it is in debt', () => {
    const bucket = new TokenBucket(1000, 0, 0);
    expect(bucket.reserve(1000, 0)).toBe(1000);
    expect(bucket.reserve(1000, 200)).toBe(2000);
    expect(bucket.reserve(0, 2500)).toBe(2500);
  });

  it('refills at the rate, never above the burst', () => {
    const bucket = new TokenBucket(1000, 300, 0);
    expect(bucket.reserve(300, 0)).toBe(0);
    // 200 ms later 200 bytes are back.
    expect(bucket.reserve(200, 200)).toBe(200);
    // A long pause refills only up to the burst: 300 pass, the other 700 wait 0.7 s.
    expect(bucket.reserve(1000, 60_000)).toBe(60_700);
  });

  it('does not go back in time when asked with an older clock', () => {
    const bucket = new TokenBucket(1000, 0, 1000);
    expect(bucket.reserve(100, 0)).toBe(1100);
  });

  it('moves 10 Mbit/s in the field setting: 1.25 MB in a second, less the burst', () => {
    const bucket = new TokenBucket(FIELD_LINK.rate, FIELD_LINK.burst, 0);
    expect(bucket.reserve(1_250_000, 0)).toBeCloseTo(1000 - (FIELD_LINK.burst * 1000) / FIELD_LINK.rate, 6);
  });

  it('lets everything through at once at an unlimited rate (the loopback setting)', () => {
    const bucket = new TokenBucket(Number.POSITIVE_INFINITY, 0, 0);
    expect(bucket.reserve(1e12, 5)).toBe(5);
    expect(bucket.reserve(1, 3)).toBe(5);
  });

  it('refuses a rate that would never move a byte', () => {
    expect(() => new TokenBucket(0, 10, 0)).toThrow(RangeError);
    expect(() => new TokenBucket(1000, 10, 0).reserve(-1, 0)).toThrow(RangeError);
  });
});

describe('headerBytes', () => {
  it('counts each header line and the blank line', () => {
    expect(headerBytes([])).toBe(2);
    // "a: b\r\n" is 6 bytes; "x: é\r\n" is 7 (é is two bytes in UTF-8).
    expect(headerBytes([['a', 'b']])).toBe(2 + 6);
    expect(headerBytes([['x', 'é']])).toBe(2 + 7);
  });
});

class FakeClock implements Clock {
  at = 0;
  now = () => this.at;
  sleepUntil = async (at: number) => {
    this.at = Math.max(this.at, at);
  };
}

describe('EmulatedLink', () => {
  it('charges the request, the latency and the response to the clock, and counts the bytes', async () => {
    const clock = new FakeClock();
    const seen: { url: string; request: LinkRequest; at: number }[] = [];
    const link = new EmulatedLink(
      { rate: 1000, burst: 0, latencyMs: 40 },
      async (url, request) => {
        seen.push({ url, request, at: clock.now() });
        return new Response('r'.repeat(500), { status: 200, statusText: 'OK', headers: { 'content-type': 'application/json' } });
      },
      clock,
    );
    const response = await link.fetch('http://server/x', { method: 'POST', headers: { a: 'b' }, body: 'x'.repeat(1000) });

    const sent = 1000 + FETCH_HEADER_BYTES + 8;
    const received = 500 + (2 + 'content-type: application/json\r\n'.length) + 'HTTP/1.1 200 OK\r\n'.length;
    // The server sees the request once its bytes have passed plus half the latency...
    expect(seen).toHaveLength(1);
    expect(seen[0]!.at).toBe(sent + 20);
    // ...and the caller gets the response once its bytes have passed plus the other half.
    expect(clock.now()).toBe(sent + 20 + received + 20);
    expect(await response.text()).toBe('r'.repeat(500));
    expect(response.status).toBe(200);
    expect(link.counters).toEqual({ requests: 1, bytesUp: sent, bytesDown: received });

    const before = { ...link.counters };
    await link.fetch('http://server/y', { method: 'GET', headers: {} });
    expect(link.since(before)).toEqual({ requests: 1, bytesUp: FETCH_HEADER_BYTES + 2, bytesDown: received });
  });

  it('adds no time on loopback but still counts the bytes', async () => {
    const clock = new FakeClock();
    clock.at = 100;
    const link = new EmulatedLink(LOOPBACK, async () => new Response('abc'), clock);
    await link.fetch('http://server/z', { method: 'GET', headers: {} });
    expect(clock.now()).toBe(100);
    expect(link.counters.bytesDown).toBeGreaterThan(3);
  });
});
