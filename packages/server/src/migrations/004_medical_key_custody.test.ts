// Migration 004 on a database written under decision 014, where administrators who are not health
// professionals held the medical key: their copies go, health professionals' and revoked members'
// stay (the latter mark the version as due for rotation), and the journal accepts the new events.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { BACKENDS } from '../testing/harness.ts';
import { emptyPglite } from '../testing/pglite-template.ts';
import { temporaryPostgres } from '../testing/postgres.ts';
import { MIGRATIONS } from './index.ts';

for (const kind of BACKENDS) {
  describe(`migration 004_medical_key_custody [${kind}]`, () => {
    const opened: Database[] = [];
    afterEach(async () => {
      for (const database of opened.splice(0)) await database.close();
    });

    it('deletes the sealed medical keys of members who are not health professionals, revoked ones excepted', async () => {
      const database = kind === 'pglite' ? await emptyPglite() : await temporaryPostgres();
      opened.push(database);
      const { db } = database;
      const before = MIGRATIONS.slice(0, MIGRATIONS.findIndex((m) => m.name === '004_medical_key_custody'));
      await migrate(db, before);
      const org = randomUUID();
      await db.insertInto('organisations').values({ id: org, name: 'Maraude' }).execute();
      const users = {
        admin: { role: 'admin', health: false, status: 'active' },
        healthAdmin: { role: 'admin', health: true, status: 'active' },
        nurse: { role: 'member', health: true, status: 'active' },
        revokedAdmin: { role: 'admin', health: false, status: 'revoked' },
        pendingAdmin: { role: 'admin', health: false, status: 'pending' },
      } as const;
      const ids = Object.fromEntries(Object.keys(users).map((name) => [name, randomUUID()])) as Record<keyof typeof users, string>;
      for (const [name, user] of Object.entries(users) as [keyof typeof users, (typeof users)[keyof typeof users]][]) {
        await db
          .insertInto('users')
          .values({
            organisation_id: org,
            id: ids[name],
            email: `${name}@example.org`,
            name,
            role: user.role,
            health_professional: user.health,
            status: user.status,
            kdf: '{}',
            auth_hash: 'x',
            public_key: Buffer.alloc(32),
            wrapped_private_key: Buffer.alloc(8),
          })
          .execute();
      }
      await db.insertInto('org_keys').values([{ organisation_id: org, kind: 'general', version: 1 }, { organisation_id: org, kind: 'medical', version: 1 }]).execute();
      for (const id of Object.values(ids)) {
        for (const keyKind of ['general', 'medical'] as const) {
          await db.insertInto('sealed_keys').values({ organisation_id: org, user_id: id, kind: keyKind, version: 1, sealed: Buffer.alloc(80) }).execute();
        }
      }
      await migrate(db, MIGRATIONS);
      const medical = await db.selectFrom('sealed_keys').select('user_id').where('organisation_id', '=', org).where('kind', '=', 'medical').execute();
      expect(medical.map((row) => row.user_id).sort()).toEqual([ids.healthAdmin, ids.nurse, ids.revokedAdmin].sort());
      const general = await db.selectFrom('sealed_keys').select('user_id').where('organisation_id', '=', org).where('kind', '=', 'general').execute();
      expect(general).toHaveLength(5);
      await sql`INSERT INTO access_journal (organisation_id, actor_id, event) VALUES (${org}::uuid, ${ids.nurse}::uuid, 'medical_key_created'), (${org}::uuid, ${ids.nurse}::uuid, 'medical_key_granted')`.execute(db);
      await expect(sql`INSERT INTO access_journal (organisation_id, actor_id, event) VALUES (${org}::uuid, ${ids.nurse}::uuid, 'nonsense')`.execute(db)).rejects.toThrow();
    });
  });
}
