// One rotation client per unlocked session, kept outside the Members screen so that leaving the
// screen does not stop a re-encryption under way. It ends with the session: when the app locks,
// signs out or another account opens, the Worker is stopped and its keys go with it.
import { ERROR_MESSAGES } from '@relais/core/errors';
import type { Unlocked } from '../session/controller.ts';
import type { AppController } from '../session/controller.ts';
import { DeviceCache } from '../storage/device-cache.ts';
import { RotationApi } from './api.ts';
import { RotationClient, rotationKinds, type RotationEndpoint } from './client.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

let current: { client: RotationClient; keyPair: Unlocked['keyPair'] } | null = null;

export function rotationClientFor(controller: AppController, session: Unlocked): RotationClient {
  if (current?.keyPair === session.keyPair) return current.client;
  current?.client.dispose();
  const apiBase = typeof location === 'undefined' ? '' : location.origin;
  const client = new RotationClient({
    userId: session.me.user.id,
    organisationId: session.me.organisation.id,
    keyPair: session.keyPair,
    apiBase,
    token: () => savedToken(session.me.user.id),
    api: (token) => new RotationApi(token, apiBase),
    refresh: () => controller.refreshMe(),
    endpoint: startEndpoint,
    kinds: rotationKinds(session.me.user),
  });
  const mine = { client, keyPair: session.keyPair };
  current = mine;
  // A new key pair object means a new unlock (or another account): this session is over.
  const unsubscribe = controller.subscribe(() => {
    const state = controller.getState();
    if (state.status === 'ready' && state.session.keyPair === mine.keyPair) return;
    unsubscribe();
    client.dispose();
    if (current === mine) current = null;
  });
  return client;
}

/**
 * The token the app saved with the account (session/controller.ts keeps it in the device cache,
 * and saves the renewed one there too). Null where the device cache is unavailable.
 */
async function savedToken(userId: string): Promise<string | null> {
  let cache: DeviceCache | null = null;
  try {
    cache = await DeviceCache.open();
    const account = await cache.current();
    return account?.userId === userId ? account.token : null;
  } catch {
    return null;
  } finally {
    cache?.close();
  }
}

async function startEndpoint(): Promise<RotationEndpoint> {
  if (typeof Worker !== 'undefined') {
    try {
      return workerEndpoint();
    } catch (error) {
      console.error('rotation worker unavailable, running on the page', error);
    }
  }
  return inThreadEndpoint();
}

function workerEndpoint(): RotationEndpoint {
  const worker = new Worker(new URL('./rotation.worker.ts', import.meta.url), { type: 'module', name: 'relais-rotation' });
  const handlers: ((message: FromWorker) => void)[] = [];
  worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
    for (const handler of handlers) handler(event.data);
  });
  // A Worker that cannot load (or dies) must not leave the screen waiting for ever.
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    console.error('rotation worker failed', event.message);
    for (const handler of handlers) handler({ type: 'failed', code: null, message: ERROR_MESSAGES.INTERNAL });
  });
  return {
    post: (message: ToWorker) => worker.postMessage(message),
    listen: (handler) => handlers.push(handler),
    terminate: () => worker.terminate(),
  };
}

/** The runner on the page itself (no Worker): copies both ways, answers later, like a Worker. */
async function inThreadEndpoint(): Promise<RotationEndpoint> {
  const [{ RotationRunner }, { browserRunnerEnv }] = await Promise.all([import('./runner.ts'), import('./browser-env.ts')]);
  const handlers: ((message: FromWorker) => void)[] = [];
  const runner = new RotationRunner(
    browserRunnerEnv((message) => {
      const copy = structuredClone(message);
      setTimeout(() => handlers.forEach((handler) => handler(copy)), 0);
    }),
  );
  return {
    post: (message) => {
      const copy = structuredClone(message);
      setTimeout(() => runner.handle(copy), 0);
    },
    listen: (handler) => handlers.push(handler),
    terminate: () => runner.handle({ type: 'stop' }),
  };
}
