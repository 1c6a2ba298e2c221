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
/** Medical drafts have their own context: one never opens as a general draft, nor the reverse. */
const MEDICAL_DRAFT_CONTEXT = 'draft:medical';

/**
 * Drafts whose name starts with this hold dossier médical content: sealed with the medical key,
 * never the general one, which every member of the organisation holds (decision 014).
 */
export const MEDICAL_DRAFT_PREFIX = 'medical:';

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
    const medical = key.startsWith(MEDICAL_DRAFT_PREFIX);
    // Without the medical key there is no medical form to draft from: nothing is kept.
    if (medical && !this.keyring.has('medical')) return Promise.resolve();
    const { key: sealingKey, version } = this.keyring.current(medical ? 'medical' : 'general');
    const plaintext: DraftPlaintext = { key, value, savedAt: this.now() };
    const envelope = sealEnvelope(
      this.p,
      this.random,
      sealingKey,
      { organisationId: this.keyring.organisationId, collection: medical ? MEDICAL_DRAFT_CONTEXT : DRAFT_CONTEXT, recordId: id, keyVersion: version },
      utf8(JSON.stringify(plaintext)),
    );
    const stored: StoredDraft = medical ? { id, keyVersion: version, keyKind: 'medical', envelope } : { id, keyVersion: version, envelope };
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
      const kind = stored.keyKind === 'medical' ? 'medical' : 'general';
      if (!this.keyring.has(kind, stored.keyVersion)) return null;
      const { key } = this.keyring.get(kind, stored.keyVersion);
      const collection = kind === 'medical' ? MEDICAL_DRAFT_CONTEXT : DRAFT_CONTEXT;
      const ctx = { organisationId: this.keyring.organisationId, collection, recordId: stored.id, keyVersion: stored.keyVersion };
      const value = JSON.parse(fromUtf8(openEnvelope(this.p, key, ctx, stored.envelope))) as DraftPlaintext;
      // A medical draft is only ever one with a medical name (and the reverse).
      return typeof value.key === 'string' && value.key.startsWith(MEDICAL_DRAFT_PREFIX) === (kind === 'medical') ? value : null;
    } catch {
      // A draft that does not open (another organisation's key, a damaged entry) is not shown.
      return null;
    }
  }
}
