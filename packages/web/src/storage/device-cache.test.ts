import { describe, expect, it } from 'vitest';
import type { Me } from '@relais/core/protocol';
import { DeviceCache } from './device-cache.ts';

function me(userId: string, name: string): Me {
  return {
    user: { id: userId, name, email: `${name}@exemple.fr`, role: 'member', healthProfessional: false, status: 'active', publicKey: 'AAAA', createdAt: '2026-01-01T00:00:00.000Z' },
    organisation: { id: '01900000-0000-7000-8000-000000000000', name: 'Org' },
    kdf: { algorithm: 'argon2id13', salt: 'AAAAAAAAAAAAAAAAAAAAAA==', opsLimit: 3, memLimitBytes: 64 * 1024 * 1024 },
    wrappedPrivateKey: 'AAAA',
    keys: [],
    teams: [],
    colleagues: [],
  };
}

const A = '01900000-0000-7000-8000-00000000000a';
const B = '01900000-0000-7000-8000-00000000000b';

describe('DeviceCache', () => {
  it('opens on the last saved account and forgets it on logout', async () => {
    const cache = await DeviceCache.open('device-test-1');
    expect(await cache.current()).toBeUndefined();
    await cache.save({ userId: A, token: 'ta', expiresAt: 'x', me: me(A, 'alice') });
    await cache.save({ userId: B, token: 'tb', expiresAt: 'x', me: me(B, 'bob') });
    expect((await cache.current())?.userId).toBe(B);

    await cache.updateMe({ ...me(B, 'bob'), keys: [{ kind: 'general', version: 1, sealed: 'AAAA' }] });
    expect((await cache.current())?.me.keys).toHaveLength(1);

    await cache.forget(B);
    expect(await cache.current()).toBeUndefined();
    // Forgetting another account than the current one leaves the current one in place.
    await cache.save({ userId: A, token: 'ta', expiresAt: 'x', me: me(A, 'alice') });
    await cache.forget(B);
    expect((await cache.current())?.token).toBe('ta');
    cache.close();
  });

  it('opens an account saved before colleagues were part of Me (protocol 2), offline', async () => {
    const cache = await DeviceCache.open('device-test-2');
    const { colleagues: _dropped, ...older } = me(A, 'alice');
    await cache.save({ userId: A, token: 'ta', expiresAt: 'x', me: older as Me });
    expect((await cache.current())?.me.colleagues).toEqual([]);
    cache.close();
  });
});
