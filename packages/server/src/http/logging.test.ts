import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { call, createOrganisation, expectError, newChange, push } from '../testing/fixtures.ts';
import { BACKENDS, describeEachBackend, openTestDatabase, TEST_HASH_COST } from '../testing/harness.ts';

describeEachBackend('request logs', (t) => {
  it('record requests without bodies, tokens or auth keys', async () => {
    const org = await createOrganisation(t.app);
    const login = await call(t.app, 'POST', '/api/auth/login', { email: org.admin.email, authKey: org.admin.credentials.authKey });
    expect(login.status).toBe(200);
    const change = newChange();
    expect((await push(t.app, org.admin.token, [change])).status).toBe(200);
    expect((await call(t.app, 'GET', '/api/sync/pull', undefined, { token: org.admin.token })).status).toBe(200);
    const logs = t.logs.join('');
    expect(logs).toContain('/api/sync/push');
    expect(logs).toContain('request completed');
    for (const secret of [org.admin.token.split('.')[1]!, org.admin.credentials.authKey, org.recoveryAuthKey, change.ciphertext, org.admin.email, 'Bearer']) {
      expect(logs).not.toContain(secret);
    }
  });
});

describe('server failures', () => {
  for (const kind of BACKENDS) {
    it(`answer 500 INTERNAL in the error format when the database is gone [${kind}]`, async () => {
      const database = await openTestDatabase(kind);
      const lines: string[] = [];
      const app = await buildApp({ db: database.db, hashCost: TEST_HASH_COST, logger: { level: 'info', stream: { write: (line: string) => void lines.push(line) } } });
      try {
        expect((await call(app, 'GET', '/api/health')).status).toBe(200);
        await database.close();
        const reply = await call(app, 'GET', '/api/health');
        expectError(reply, 500, 'INTERNAL');
        expect(lines.some((line) => line.includes('"level":50') && line.includes('request failed'))).toBe(true);
      } finally {
        await app.close();
      }
    });
  }
});
