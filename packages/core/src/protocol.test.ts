import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PROTOCOL_VERSION, PullQuery, WIRE_SCHEMAS, PushRequest } from './protocol.ts';

// A wire change must come with a protocol version bump: when this test fails, bump
// PROTOCOL_VERSION if the change breaks old clients or servers, then update the pinned pair.
const PINNED = { version: 7, hash: '1f92539521901c' };

function cyrb53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

function wireFingerprint(): string {
  const schemas = Object.fromEntries(
    Object.entries(WIRE_SCHEMAS)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, schema]) => [name, z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })]),
  );
  return cyrb53(JSON.stringify(schemas));
}

describe('wire protocol', () => {
  it('is pinned: any schema change needs a version bump and a new pin', () => {
    expect({ version: PROTOCOL_VERSION, hash: wireFingerprint() }).toEqual(PINNED);
  });

  it('refuses a push made for another protocol version', () => {
    const result = PushRequest.safeParse({ protocol: PROTOCOL_VERSION + 1, changes: [] });
    expect(result.success).toBe(false);
  });

  it('reads an optional comma-separated list of collections in a pull query', () => {
    expect(PullQuery.parse({}).collections).toBeUndefined();
    expect(PullQuery.parse({ collections: 'person' }).collections).toEqual(['person']);
    expect(PullQuery.parse({ collections: 'person,history,person' }).collections).toEqual(['person', 'history']);
    for (const bad of ['', 'person,', ',person', 'person,nope', 'person history', 'person;history']) {
      expect(PullQuery.safeParse({ collections: bad }).success, bad).toBe(false);
    }
  });
});
