// Drafts: what a person is typing in a form, kept so that nothing is lost to a navigation, a
// reload or a lock. Sealed with the organisation's general key like any record (the draft's name
// and its value are inside the envelope; the IndexedDB key is a keyed hash of the name), so the
// device holds no clear text of them. Restored after unlock, when the keys are back.
import type { Keyring } from '@relais/core/crypto/keyring';
import { openEnvelope, sealEnvelope } from '@relais/core/crypto/envelope';
import { derivedId } from '@relais/core/domain/derived-id';
import type { CryptoPrimitives, Random } from '@relais/core/ports';
import type { Json } from '@relais/core/sync/types';
import { fromUtf8, utf8 } from '@relais/core/text';
import type { StoredDraft, UserDb } from '../storage/user-db.ts';

/** The associated-data "collection" of draft envelopes: a draft never opens as a record. */
const DRAFT_CONTEXT = 'draft';

interface DraftPlaintext {
  key: string;
  value: Json;
  savedAt: number;
}

export class DraftStore {
  constructor(
    private readonly db: UserDb,
    private readonly p: CryptoPrimitives,
    private readonly random: Random,
    private readonly keyring: Keyring,
    private readonly now: () => number,
  ) {}

  #id(key: string): string {
    return derivedId(this.p, this.keyring, DRAFT_CONTEXT, key);
  }

  /**
   * Seals at once, before anything is awaited: a lock that follows the call wipes the keys, but
   * the envelope is already made and its write completes.
   */
  put(key: string, value: Json): Promise<void> {
    const id = this.#id(key);
    const { key: generalKey, version } = this.keyring.current('general');
    const plaintext: DraftPlaintext = { key, value, savedAt: this.now() };
    const envelope = sealEnvelope(
      this.p,
      this.random,
      generalKey,
      { organisationId: this.keyring.organisationId, collection: DRAFT_CONTEXT, recordId: id, keyVersion: version },
      utf8(JSON.stringify(plaintext)),
    );
    const stored: StoredDraft = { id, keyVersion: version, envelope };
    return this.db.put('drafts', stored).then(() => undefined);
  }

  async clear(key: string): Promise<void> {
    await this.db.delete('drafts', this.#id(key));
  }

  /** Every draft this keyring opens, by name; the newest wins when a rotation left two. */
  async loadAll(): Promise<Map<string, Json>> {
    const found = new Map<string, DraftPlaintext>();
    for (const stored of await this.db.getAll('drafts')) {
      const draft = this.#open(stored);
      if (!draft) continue;
      const known = found.get(draft.key);
      if (!known || known.savedAt < draft.savedAt) found.set(draft.key, draft);
    }
    return new Map([...found].map(([key, draft]) => [key, draft.value]));
  }

  #open(stored: StoredDraft): DraftPlaintext | null {
    try {
      if (!this.keyring.has('general', stored.keyVersion)) return null;
      const { key } = this.keyring.get('general', stored.keyVersion);
      const ctx = { organisationId: this.keyring.organisationId, collection: DRAFT_CONTEXT, recordId: stored.id, keyVersion: stored.keyVersion };
      const value = JSON.parse(fromUtf8(openEnvelope(this.p, key, ctx, stored.envelope))) as DraftPlaintext;
      return typeof value.key === 'string' ? value : null;
    } catch {
      // A draft that does not open (another organisation's key, a damaged entry) is not shown.
      return null;
    }
  }
}
