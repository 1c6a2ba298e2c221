// The application's session state machine: signed out → (create | login | invitation | recovery)
// → unlocked (pending confirmation, or ready with keys and sync) → locked → unlocked … → signed out.
// Keys live only in the unlocked states and are zeroed when leaving them.
import type { Me } from '@relais/core/protocol';
import { Keyring, type OrgKey, type UserKeyPair } from '@relais/core/crypto/keys';
import { ApiClient } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import { loadPrimitives, random } from '../crypto/sodium.ts';
import { DataClient } from '../data/client.ts';
import type { Endpoint } from '../data/protocol.ts';
import { prepareKdf } from '../crypto/kdf.ts';
import { DeviceCache, type CachedAccount } from '../storage/device-cache.ts';
import { IdbLocalStore } from '../storage/local-store.ts';
import { deleteUserDb, openUserDb } from '../storage/user-db.ts';
import { deleteRotationDb } from '../rotation/cursor-store.ts';
import * as flows from './flows.ts';
import { InactivityWatcher, lockAfterMs } from './inactivity.ts';
import { forgetKeys, openKeyring, workerKeys } from './keys.ts';
import { tendMedicalKey } from './medical-custody.ts';
import { Store } from './store.ts';
import { SyncController } from './sync-controller.ts';

export interface Unlocked {
  me: Me;
  keyPair: UserKeyPair;
  authKey: string;
  /**
   * The organisation keys of `me` when the login or unlock opened them in the KDF worker; taken
   * once by the workspace. Otherwise (a Me refreshed with new keys, a new organisation) the page
   * opens them, loading libsodium then.
   */
  orgKeys?: OrgKey[];
}

export interface Workspace {
  /** The page's copy of the keys, for sealing them to a member being confirmed and deriving ids. */
  keyring: Keyring;
  /** The data layer: sync, index, reads and writes, in the data Worker (data/client.ts). */
  data: DataClient;
  sync: SyncController;
  /**
   * What screens remember between visits (a search typed, a scroll position): personal data, so it
   * lives and dies with the unlocked session, never in a module or on disk.
   */
  screenMemory: Map<string, unknown>;
  /** Saves drafts, stops syncing, ends the Worker (which zeroes its keys). */
  close(): Promise<void>;
}

export type AppState =
  | { status: 'starting' }
  /** `fresh` is null when the server could not be asked. */
  | { status: 'signedOut'; fresh: boolean | null }
  | { status: 'locked'; me: Me }
  /** Shown once after creating an organisation, before entering the app. */
  | { status: 'recoveryCode'; code: string }
  | { status: 'pending'; session: Unlocked }
  | { status: 'ready'; session: Unlocked; workspace: Workspace };

export const ME_POLL_PENDING_MS = 4_000;
export const ME_POLL_READY_MS = 60_000;
/** A health professional's device checks for a due medical rotation at most this often (and after each new workspace). */
export const MEDICAL_ROTATION_CHECK_MS = 5 * 60_000;

export class AppController extends Store<AppState> {
  readonly api = new ApiClient();
  private device: DeviceCache | null = null;
  private account: CachedAccount | null = null;
  private session: Unlocked | null = null;
  private workspace: Workspace | null = null;
  private inactivity: InactivityWatcher | null = null;
  private mePoll: ReturnType<typeof setInterval> | null = null;
  /** A data Worker started while the unlock screen is shown; the next workspace takes it. */
  private preparedData: Endpoint | null = null;
  /** The medical key step under way (decision 017), so that syncs in a row do not run it twice. */
  private medicalStep: Promise<void> | null = null;
  /** When this workspace last asked whether a medical rotation is due (0: not yet). */
  private medicalRotationCheckedAt = 0;
  /** The workspace closing and opening again with new keys, while it does. */
  private reopening: Promise<void> | null = null;

  constructor() {
    super({ status: 'starting' });
  }

  protected override set(next: AppState): void {
    super.set(next);
    // On a login or unlock screen the person types a password for a few seconds: the Workers
    // that will derive the keys and open the data start now, so nothing waits for them after.
    if (next.status === 'locked' || next.status === 'signedOut') {
      prepareKdf();
      this.preparedData ??= DataClient.prepare();
    }
  }

  private readonly onFocus = () => {
    void this.refreshMe();
  };

  async start(): Promise<void> {
    try {
      this.device = await DeviceCache.open();
      this.account = (await this.device.current()) ?? null;
    } catch (error) {
      // Private browsing modes may refuse IndexedDB: the app still works online, nothing is cached.
      console.error('device cache unavailable', error);
    }
    if (this.account) {
      this.api.setToken(this.account.token);
      this.set({ status: 'locked', me: this.account.me });
      return;
    }
    await this.showSignedOut();
  }

  private async showSignedOut(): Promise<void> {
    let fresh: boolean | null = null;
    try {
      fresh = (await this.api.health()).fresh;
    } catch {
      fresh = null;
    }
    this.set({ status: 'signedOut', fresh });
  }

  // ——— entering ———

  async createOrganisation(input: { organisationName: string; name: string; email: string; healthProfessional: boolean; password: string }): Promise<void> {
    await this.leaveSession();
    const created = await flows.createOrganisation(this.api, input);
    await this.remember(created);
    this.session = { me: created.me, keyPair: created.keyPair, authKey: created.authKey };
    this.set({ status: 'recoveryCode', code: created.recoveryCode });
  }

  async acknowledgeRecoveryCode(): Promise<void> {
    await this.enterUnlocked();
  }

  async login(email: string, password: string): Promise<void> {
    await this.leaveSession();
    const opened = await flows.login(this.api, email, password);
    await this.openAccount(opened);
  }

  async recover(input: { email: string; code: string; password: string }): Promise<void> {
    await this.leaveSession();
    const opened = await flows.recoverAccount(this.api, input);
    await this.openAccount(opened);
  }

  async acceptInvitation(input: { invitationId: string; secret: string; name: string; password: string }): Promise<void> {
    await this.leaveSession();
    const opened = await flows.acceptInvitation(this.api, input);
    await this.openAccount(opened);
  }

  /** Works offline: the password opens the private key cached with the last Me. */
  async unlock(password: string): Promise<void> {
    const account = this.account;
    if (!account) throw new Error('no account to unlock');
    const { keyPair, authKey, orgKeys } = await flows.unlockWithPassword(account.me, password);
    this.session = { me: account.me, keyPair, authKey, orgKeys };
    await this.enterUnlocked();
    void this.refreshMe();
  }

  private async openAccount(opened: flows.OpenedAccount): Promise<void> {
    await this.remember(opened);
    this.session = { me: opened.me, keyPair: opened.keyPair, authKey: opened.authKey, orgKeys: opened.orgKeys };
    await this.enterUnlocked();
  }

  private async remember(opened: { session: { token: string; expiresAt: string }; me: Me }): Promise<void> {
    this.account = { userId: opened.me.user.id, token: opened.session.token, expiresAt: opened.session.expiresAt, me: opened.me };
    this.api.setToken(opened.session.token);
    await this.device?.save(this.account);
  }

  private async enterUnlocked(): Promise<void> {
    const session = this.session;
    if (!session) return;
    const opened = session.orgKeys;
    session.orgKeys = undefined;
    const keyring =
      opened === undefined
        ? openKeyring(await loadPrimitives(), session.me, session.keyPair)
        : opened.length > 0
          ? new Keyring(session.me.organisation.id, opened)
          : null;
    this.startWatchers();
    if (!keyring) {
      this.set({ status: 'pending', session });
      this.pollMe(ME_POLL_PENDING_MS);
      return;
    }
    const workspace = await this.openWorkspace(session, keyring);
    if (this.session !== session) {
      // Locked or signed out while the data layer was opening.
      await workspace.close();
      return;
    }
    this.workspace = workspace;
    this.set({ status: 'ready', session, workspace });
    this.pollMe(ME_POLL_READY_MS);
    await workspace.sync.start();
  }

  private async openWorkspace(session: Unlocked, keyring: Keyring): Promise<Workspace> {
    // The Worker gets its own copies of the keys; both are zeroed on lock.
    const prepared = this.preparedData;
    this.preparedData = null;
    const data = await DataClient.start(
      {
        userId: session.me.user.id,
        organisationId: keyring.organisationId,
        // The medical key only for a health professional (the server serves it to nobody else:
        // decision 017); a key arriving later (created or granted) re-opens the workspace.
        keys: workerKeys(keyring, session.me),
        token: this.account?.token ?? null,
        apiBase: typeof location === 'undefined' ? '' : location.origin,
      },
      { prepared },
    );
    // The person index is what every screen leans on (the list, the search, names): asked for now,
    // so the Worker sends it as soon as it is open, while the unlocked app is still being shown.
    data.index('person');
    const sync = new SyncController(data, data, () => void this.renewToken());
    // A record under a key version this session lacks (a rotation elsewhere): reload the keys.
    data.onKeysMissing(() => void this.refreshMe());
    // After each sync that reached the server, a health professional's device looks after the medical key.
    let lastSyncAt: number | null = null;
    const unsubscribe = sync.subscribe(() => {
      const at = sync.getState().lastSyncAt;
      if (at === lastSyncAt) return;
      lastSyncAt = at;
      this.afterSync(session);
    });
    this.medicalRotationCheckedAt = 0;
    const screenMemory = new Map<string, unknown>();
    return {
      keyring,
      data,
      sync,
      screenMemory,
      close: async () => {
        unsubscribe();
        screenMemory.clear();
        sync.stop();
        await data.close();
      },
    };
  }

  // ——— the medical key among health professionals (decision 017) ———

  /**
   * After a sync: a health professional's device creates the medical key when nobody holds it,
   * seals it to the health professionals who lack it, reloads its keys when one was created or
   * may have been sealed to it, and runs a due medical rotation in the background. One GET when
   * nothing is to be done; nothing at all for anyone else.
   */
  private afterSync(session: Unlocked): void {
    if (this.session !== session || !session.me.user.healthProfessional || this.medicalStep) return;
    this.medicalStep = this.tendMedical(session).finally(() => {
      this.medicalStep = null;
    });
  }

  private async tendMedical(session: Unlocked): Promise<void> {
    const workspace = this.workspace;
    if (!workspace) return;
    try {
      const outcome = await tendMedicalKey(this.api, loadPrimitives, random, {
        organisationId: session.me.organisation.id,
        userId: session.me.user.id,
        keyPair: session.keyPair,
        holds: (version) => workspace.keyring.has('medical', version),
      });
      if (this.session !== session) return;
      // A new key (made here, or sealed here by a colleague's device): the workspace re-opens with it.
      if (outcome === 'created' || outcome === 'waiting') {
        await this.refreshMe();
        return;
      }
      const now = Date.now();
      if (this.medicalRotationCheckedAt !== 0 && now - this.medicalRotationCheckedAt < MEDICAL_ROTATION_CHECK_MS) return;
      this.medicalRotationCheckedAt = now;
      const { rotationClientFor } = await import('../rotation/session.ts');
      if (this.session === session && this.state.status === 'ready') void rotationClientFor(this, session).resume();
    } catch (error) {
      // Offline or refused: the next sync tries again; nothing here blocks the app.
      if (!(error instanceof ApiError)) console.error('medical key step failed', error);
    }
  }

  // ——— staying in sync with the server's view of this member ———

  private startWatchers(): void {
    this.stopWatchers();
    this.inactivity = new InactivityWatcher(lockAfterMs(), () => this.lock());
    this.inactivity.start();
    window.addEventListener('focus', this.onFocus);
  }

  private stopWatchers(): void {
    this.inactivity?.stop();
    this.inactivity = null;
    window.removeEventListener('focus', this.onFocus);
    if (this.mePoll) clearInterval(this.mePoll);
    this.mePoll = null;
  }

  private pollMe(ms: number): void {
    if (this.mePoll) clearInterval(this.mePoll);
    this.mePoll = setInterval(() => void this.refreshMe(), ms);
  }

  /** Fetches /api/me; opens the keys once an admin has confirmed this member. Silent offline. */
  async refreshMe(): Promise<void> {
    const session = this.session;
    if (!session) return;
    let me: Me;
    try {
      me = await this.api.me();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED' && (await this.renewToken())) return this.refreshMe();
      return;
    }
    if (this.session !== session) return;
    // The poll answers the same member nearly every time: then nothing is stored or shown anew (a
    // new state re-renders the whole app, a long task on a slow phone once a minute).
    const unchanged = JSON.stringify(me) === JSON.stringify(session.me);
    if (unchanged && !(this.state.status === 'pending' && me.keys.length > 0)) return;
    const keysChanged = JSON.stringify(me.keys) !== JSON.stringify(session.me.keys);
    session.me = me;
    if (this.account) this.account = { ...this.account, me };
    await this.device?.updateMe(me);
    const state = this.state;
    if (state.status === 'pending' && me.keys.length > 0) {
      await this.enterUnlocked();
    } else if (state.status === 'ready' && keysChanged) {
      // New key versions (a later rotation) need a new keyring and codec. The screens stay; a
      // write refused meanwhile is sent again to the new workspace (workspaceAfterReopening).
      const previous = this.workspace;
      this.workspace = null;
      const reopening = (async () => {
        await previous?.close();
        await this.enterUnlocked();
      })();
      this.reopening = reopening;
      try {
        await reopening;
      } finally {
        if (this.reopening === reopening) this.reopening = null;
      }
    } else if (state.status === 'ready' || state.status === 'pending') {
      this.set({ ...state, session: { ...session } });
    }
  }

  /**
   * The workspace to send a write to that the previous one refused while it closed: the re-opened
   * one once it is open, or null when there is none (locked, signed out, not re-opening).
   */
  async workspaceAfterReopening(): Promise<Workspace | null> {
    await this.reopening?.catch(() => undefined);
    return this.workspace;
  }

  /** The token expired or was revoked: the auth key kept while unlocked gets a new one. */
  private async renewToken(): Promise<boolean> {
    const session = this.session;
    if (!session) return false;
    try {
      const response = await this.api.login(session.me.user.email, session.authKey);
      await this.remember(response);
      this.workspace?.data.setToken(response.session.token);
      void this.workspace?.sync.syncNow();
      return true;
    } catch {
      return false;
    }
  }

  // ——— leaving ———

  /** Forgets every key in memory; the cached account stays so the password unlocks it again. */
  lock(): void {
    void this.teardown();
    if (this.account) this.set({ status: 'locked', me: this.account.me });
    else void this.showSignedOut();
  }

  /** Resolves once the data Worker has saved the drafts and ended; the keys are zeroed at once. */
  private teardown(): Promise<void> {
    this.stopWatchers();
    const workspace = this.workspace;
    // The Worker seals the drafts typed so far before it zeroes its own copies of the keys.
    const closed = workspace?.close() ?? Promise.resolve();
    forgetKeys(workspace?.keyring ?? null, this.session?.keyPair ?? null);
    this.workspace = null;
    this.session = null;
    return closed.catch((error: unknown) => console.error('closing the data layer failed', error));
  }

  private async leaveSession(): Promise<void> {
    await this.teardown();
  }

  /** Changes still in this device's outbox (readable without keys). */
  async pendingChanges(): Promise<number> {
    if (this.workspace) return this.workspace.data.pendingCount();
    if (!this.account) return 0;
    const db = await openUserDb(this.account.userId);
    try {
      return await new IdbLocalStore(db).countPending();
    } finally {
      db.close();
    }
  }

  /**
   * Ends the session on the server (when reachable) and erases this account from the device:
   * token, cached Me and the local store, outbox included (the screen warns first).
   */
  async logout(): Promise<void> {
    const account = this.account;
    // The Worker's connection to the user database must be closed before it is deleted.
    await this.teardown();
    if (account) {
      try {
        await this.api.logout();
      } catch {
        // Offline or already expired: the token is forgotten below and expires on the server.
      }
      await this.device?.forget(account.userId);
      await Promise.all([deleteUserDb(account.userId), deleteRotationDb(account.userId)]);
    }
    this.account = null;
    this.api.setToken(null);
    await this.showSignedOut();
  }
}
