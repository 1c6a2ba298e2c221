// What this device remembers between visits so that the app opens and unlocks without network:
// the session token and the last `Me` of the signed-in account. Me carries only what the server
// also sees (kdf parameters, public key, the password-wrapped private key, sealed organisation
// keys, the member's own name and e-mail, team names, colleagues' names): no person data, no key in clear.
import { openDB, deleteDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Me } from '@relais/core/protocol';

export interface CachedAccount {
  userId: string;
  token: string;
  expiresAt: string;
  me: Me;
}

interface DeviceSchema extends DBSchema {
  accounts: { key: string; value: CachedAccount };
  settings: { key: string; value: string };
}

const DB_NAME = 'relais-device';

/**
 * A Me saved by an earlier app version lacks what later protocols added; the app must still open
 * offline with it, so the missing parts start empty until the next /api/me fills them.
 */
function upgradeAccount(account: CachedAccount): CachedAccount {
  const me = account.me as Partial<Me> & Omit<Me, 'colleagues'>;
  return me.colleagues ? account : { ...account, me: { ...me, colleagues: [] } };
}
const CURRENT = 'currentUserId';

export class DeviceCache {
  private constructor(private readonly db: IDBPDatabase<DeviceSchema>) {}

  static async open(name: string = DB_NAME): Promise<DeviceCache> {
    const db = await openDB<DeviceSchema>(name, 1, {
      upgrade(d) {
        d.createObjectStore('accounts', { keyPath: 'userId' });
        d.createObjectStore('settings');
      },
    });
    return new DeviceCache(db);
  }

  static delete(name: string = DB_NAME): Promise<void> {
    return deleteDB(name);
  }

  async current(): Promise<CachedAccount | undefined> {
    const userId = await this.db.get('settings', CURRENT);
    const account = userId === undefined ? undefined : await this.db.get('accounts', userId);
    return account && upgradeAccount(account);
  }

  /** Remembers the account and makes it the one this device opens on. */
  async save(account: CachedAccount): Promise<void> {
    const tx = this.db.transaction(['accounts', 'settings'], 'readwrite');
    await Promise.all([tx.objectStore('accounts').put(account), tx.objectStore('settings').put(account.userId, CURRENT), tx.done]);
  }

  async updateMe(me: Me): Promise<void> {
    const account = await this.db.get('accounts', me.user.id);
    if (account) await this.db.put('accounts', { ...account, me });
  }

  async forget(userId: string): Promise<void> {
    const tx = this.db.transaction(['accounts', 'settings'], 'readwrite');
    const settings = tx.objectStore('settings');
    const writes: Promise<unknown>[] = [tx.objectStore('accounts').delete(userId)];
    if ((await settings.get(CURRENT)) === userId) writes.push(settings.delete(CURRENT));
    await Promise.all([...writes, tx.done]);
  }

  close(): void {
    this.db.close();
  }
}
