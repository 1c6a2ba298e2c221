// The page's side of a key rotation: revoke a member, then prepare (publish new key versions,
// rotation/prepare.ts) and hand the re-encryption to the rotation Worker, publishing what the
// Members screen shows (rotation/progress.ts). One client per unlocked session
// (rotation/session.ts); disposing it (lock, logout) stops the Worker, whose keys go with it.
import type { UserKeyPair } from '@relais/core/crypto/keys';
import type { KeyKind } from '@relais/core/protocol';
import { ERROR_MESSAGES } from '@relais/core/errors';
import { errorMessage } from '../api/errors.ts';
import { loadPrimitives, random } from '../crypto/sodium.ts';
import { Store } from '../session/store.ts';
import type { RotationApi } from './api.ts';
import { prepareRotation, rotationDue } from './prepare.ts';
import { advance, IDLE, type RotationEvent, type RotationView } from './progress.ts';
import type { FromWorker, StartParams, ToWorker } from './protocol.ts';

export type PageApi = Pick<RotationApi, 'revoke' | 'status' | 'keys' | 'publish'>;

/** The two ways the page reaches the runner: its Worker, or the same code on the page. */
export interface RotationEndpoint {
  post(message: ToWorker): void;
  listen(handler: (message: FromWorker) => void): void;
  terminate(): void;
}

export interface RotationDeps {
  userId: string;
  organisationId: string;
  keyPair: UserKeyPair;
  apiBase: string;
  /** The session token as the app last saved it. */
  token(): Promise<string | null>;
  /** The page's calls (RotationApi over fetch in the browser). */
  api(token: string | null): PageApi;
  /** Asks the app to check its session (an expired token is renewed) and reload its keys. */
  refresh(): Promise<void>;
  endpoint(): Promise<RotationEndpoint>;
  /**
   * The kinds this member looks after (`rotationKinds`): an administrator the general key (and sees
   * the medical key's state), a health professional the medical key. All when absent.
   */
  kinds?: readonly KeyKind[];
}

/**
 * Which kinds a member's rotation covers (decision 017): an administrator the general key, a
 * health professional the medical key. An administrator who is not a health professional keeps
 * `medical` in the list only to be told that a health professional will re-encrypt it (the
 * server refuses them the medical kind, and they never hold its key: it shows as blocked).
 */
export function rotationKinds(user: { role: string; healthProfessional: boolean }): KeyKind[] {
  if (user.role === 'admin') return ['general', 'medical'];
  return user.healthProfessional ? ['medical'] : [];
}

/** How many times a run stopped by a newer key version is started again before the error shows. */
const OUTDATED_RESTARTS = 2;

export class RotationClient extends Store<RotationView> {
  #busy = false;
  #disposed = false;
  #endpoint: RotationEndpoint | null = null;
  #token: string | null = null;
  #outdatedRestarts = 0;
  /** A revocation came while a run was under way: check again when it ends (a new version may be due). */
  #again = false;

  constructor(private readonly deps: RotationDeps) {
    super(IDLE);
  }

  #emit(event: RotationEvent): void {
    if (!this.#disposed) this.set(advance(this.state, event));
  }

  async #api(): Promise<PageApi> {
    this.#token = await this.deps.token();
    return this.deps.api(this.#token);
  }

  /** Revokes a member (the server ends their sessions), then renews the keys. Rejects with the server's French message. */
  async revoke(memberId: string): Promise<void> {
    await (await this.#api()).revoke(memberId);
    void this.resume();
  }

  /**
   * Asks the server where the rotation stands and does what is left: publish new key versions,
   * then re-encrypt. Does nothing while a run is under way. Never rejects: failures are shown.
   */
  async resume(): Promise<void> {
    if (this.#disposed) return;
    if (this.#busy) {
      this.#again = true;
      return;
    }
    this.#busy = true;
    let started = false;
    try {
      this.#emit({ type: 'checking' });
      const api = await this.#api();
      const status = await api.status();
      const kinds = this.deps.kinds ?? ['general', 'medical'];
      if (!rotationDue(status, kinds)) {
        this.#emit({ type: 'nothingToDo' });
        return;
      }
      const p = await loadPrimitives();
      const plan = await prepareRotation(api, p, random, this.deps.organisationId, this.deps.keyPair, () => this.#emit({ type: 'publishing' }), kinds);
      // This device's own data Worker takes the new versions now, so its writes use them.
      if (plan.published) void this.deps.refresh();
      const working = Object.keys(plan.work) as KeyKind[];
      try {
        if (this.#disposed) return;
        if (working.length === 0) {
          this.#emit(plan.blocked.length > 0 ? { type: 'blocked', kinds: plan.blocked } : { type: 'nothingToDo' });
          return;
        }
        this.#emit({ type: 'started', kinds: plan.work, blocked: plan.blocked });
        const keys = plan.keyring
          .all()
          .filter((k) => working.includes(k.kind))
          .map((k) => ({ kind: k.kind, version: k.version, key: k.key.slice() }));
        await this.#startWorker({ userId: this.deps.userId, organisationId: this.deps.organisationId, keys, kinds: working, token: this.#token, apiBase: this.deps.apiBase });
        started = true;
      } finally {
        // The Worker has its own copies (structured clone); the page's are not needed any more.
        for (const k of plan.keyring.all()) k.key.fill(0);
      }
    } catch (error) {
      this.#emit({ type: 'failed', message: errorMessage(error) });
    } finally {
      if (!started) {
        this.#busy = false;
        this.#resumeIfAsked();
      }
    }
  }

  async #startWorker(params: StartParams): Promise<void> {
    const endpoint = await this.deps.endpoint();
    if (this.#disposed) {
      endpoint.terminate();
      return;
    }
    this.#endpoint = endpoint;
    endpoint.listen((message) => void this.#receive(endpoint, message));
    endpoint.post({ type: 'start', params });
    for (const k of params.keys) k.key.fill(0);
  }

  async #receive(endpoint: RotationEndpoint, message: FromWorker): Promise<void> {
    if (endpoint !== this.#endpoint) return;
    switch (message.type) {
      case 'progress':
        this.#emit({ type: 'progress', progress: message.progress });
        return;
      case 'offline':
        this.#emit({ type: 'offline' });
        return;
      case 'unauthenticated': {
        const before = this.#token;
        await this.deps.refresh();
        const token = await this.deps.token();
        if (endpoint !== this.#endpoint) return;
        if (token === null || token === before) {
          // The session could not be renewed (signed out, or this account's access was withdrawn).
          this.#end(endpoint);
          this.#emit({ type: 'failed', message: ERROR_MESSAGES.UNAUTHENTICATED });
          return;
        }
        this.#token = token;
        endpoint.post({ type: 'token', token });
        return;
      }
      case 'finished':
        this.#end(endpoint);
        this.#outdatedRestarts = 0;
        this.#emit({ type: 'finished' });
        this.#resumeIfAsked();
        return;
      case 'failed':
        this.#end(endpoint);
        // A newer key version appeared (another administrator rotated again): reload and go on.
        if (message.code === 'ROTATION_OUTDATED' && this.#outdatedRestarts < OUTDATED_RESTARTS) {
          this.#outdatedRestarts += 1;
          void this.resume();
          return;
        }
        this.#emit({ type: 'failed', message: message.message });
        this.#resumeIfAsked();
        return;
    }
  }

  #resumeIfAsked(): void {
    if (!this.#again) return;
    this.#again = false;
    void this.resume();
  }

  #end(endpoint: RotationEndpoint): void {
    endpoint.terminate();
    if (this.#endpoint === endpoint) this.#endpoint = null;
    this.#busy = false;
  }

  /** Stops the Worker (lock, logout): the next session resumes from the saved cursor. */
  dispose(): void {
    this.#disposed = true;
    const endpoint = this.#endpoint;
    this.#endpoint = null;
    if (endpoint) {
      endpoint.post({ type: 'stop' });
      endpoint.terminate();
    }
  }
}
