// The rotation Worker's work, as a plain module (it runs in the Worker, on the page when Workers
// are missing, and in tests): core's driver over the HTTP API and an IndexedDB cursor, retried
// while the network is away, paused while the session token is being renewed. The keys it was
// given are zeroed when it stops, finishes or fails.
import { rewrapRecord } from '@relais/core/crypto/rotation';
import { Keyring } from '@relais/core/crypto/keyring';
import type { CryptoPrimitives, Random } from '@relais/core/ports';
import type { KeyKind, RemoteRecord, Rewrap, RewrapResult, RotationPage, RotationStatus } from '@relais/core/protocol';
import { RotationOutdatedError, runRotation, type RotationCursorStore } from '@relais/core/rotation/driver';
import { ERROR_MESSAGES } from '@relais/core/errors';
import { ApiError } from '../api/errors.ts';
import type { FromWorker, StartParams, ToWorker } from './protocol.ts';

/** The calls the driver makes (RotationApi in the browser). */
export interface RunnerApi {
  setToken(token: string | null): void;
  status(): Promise<RotationStatus>;
  page(kind: KeyKind, since: number, limit: number): Promise<RotationPage>;
  rewrap(items: readonly Rewrap[]): Promise<RewrapResult[]>;
}

export interface RunnerEnv {
  primitives(): Promise<CryptoPrimitives>;
  random: Random;
  api(token: string | null, apiBase: string): RunnerApi;
  openStore(userId: string): Promise<RotationCursorStore & { close(): void }>;
  /** Resolves after `ms` (tests pass a fake clock). */
  sleep(ms: number): Promise<void>;
  post(message: FromWorker): void;
}

/** First wait after a failed call, doubled each time up to the maximum. */
export const RETRY_FIRST_MS = 1_000;
export const RETRY_MAX_MS = 30_000;
/** Records per batch: the server's own maximum (MAX_PUSH_CHANGES). */
export const PAGE_SIZE = 500;

const OUTDATED_MESSAGE = ERROR_MESSAGES.ROTATION_OUTDATED;

export class RotationRunner {
  #stopped = false;
  #running: Promise<void> | null = null;
  #api: RunnerApi | null = null;
  #tokenArrived: (() => void) | null = null;
  #keyring: Keyring | null = null;

  constructor(private readonly env: RunnerEnv) {}

  handle(message: ToWorker): void {
    switch (message.type) {
      case 'start':
        if (this.#running === null) this.#running = this.#run(message.params);
        return;
      case 'token':
        this.#api?.setToken(message.token);
        this.#tokenArrived?.();
        return;
      case 'stop':
        // A batch under way finishes (its keys must stay whole until then: a record sealed
        // with a zeroed key would be sent as re-encrypted); the run's end zeroes them.
        this.#stopped = true;
        this.#tokenArrived?.();
        return;
    }
  }

  /** Resolves once the run has ended (finished, failed or stopped). */
  whenDone(): Promise<void> {
    return this.#running ?? Promise.resolve();
  }

  async #run(params: StartParams): Promise<void> {
    const keyring = new Keyring(params.organisationId, params.keys);
    this.#keyring = keyring;
    let store: (RotationCursorStore & { close(): void }) | null = null;
    try {
      const p = await this.env.primitives();
      store = await this.env.openStore(params.userId);
      const api = this.env.api(params.token, params.apiBase);
      this.#api = api;
      const reencrypt = (record: RemoteRecord) => rewrapRecord(p, this.env.random, keyring, record);
      let wait = RETRY_FIRST_MS;
      for (;;) {
        if (this.#stopped) return;
        try {
          const report = await runRotation({
            transport: api,
            store,
            reencrypt,
            kinds: params.kinds,
            pageSize: PAGE_SIZE,
            shouldStop: () => this.#stopped,
            onProgress: (progress) => {
              wait = RETRY_FIRST_MS;
              this.env.post({ type: 'progress', progress });
            },
          });
          if (!report.finished) return;
          this.env.post({ type: 'finished', failed: report.kinds.reduce((n, kind) => n + kind.failed.length, 0) });
          return;
        } catch (error) {
          if (this.#stopped) return;
          if (error instanceof ApiError && (error.offline || error.code === 'RATE_LIMITED')) {
            // The cursor holds the last batch the server answered: the next run goes on from there.
            this.env.post({ type: 'offline', retryInMs: wait });
            await this.env.sleep(wait);
            wait = Math.min(wait * 2, RETRY_MAX_MS);
            continue;
          }
          if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
            const arrived = new Promise<void>((resolve) => (this.#tokenArrived = resolve));
            this.env.post({ type: 'unauthenticated' });
            await arrived;
            this.#tokenArrived = null;
            continue;
          }
          if (error instanceof RotationOutdatedError) {
            this.env.post({ type: 'failed', code: 'ROTATION_OUTDATED', message: OUTDATED_MESSAGE });
            return;
          }
          if (error instanceof ApiError) {
            this.env.post({ type: 'failed', code: error.code, message: error.message });
            return;
          }
          console.error('key rotation failed', error);
          this.env.post({ type: 'failed', code: null, message: ERROR_MESSAGES.INTERNAL });
          return;
        }
      }
    } catch (error) {
      // Opening the cursor database or libsodium failed: nothing was sent.
      console.error('key rotation could not start', error);
      this.env.post({ type: 'failed', code: null, message: ERROR_MESSAGES.INTERNAL });
    } finally {
      store?.close();
      this.#zero();
    }
  }

  #zero(): void {
    for (const k of this.#keyring?.all() ?? []) k.key.fill(0);
  }
}
