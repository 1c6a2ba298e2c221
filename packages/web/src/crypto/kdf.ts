// Runs key derivations in a module Worker. Documented fallback (docs/decisions/005-web-client.md):
// when the Worker cannot start or dies (old browser, CSP, out of memory), the same task runs on
// the main thread; the UI shows a busy state meanwhile. A CryptoError is final and not retried.
import { CryptoError } from '@relais/core/crypto/errors';
import type { KdfReply, KdfRequest } from './kdf-protocol.ts';
import type { DerivedKeys, KdfTask, OpenedKeys, OpenTask } from './kdf-tasks.ts';
import { loadPrimitives, systemRandom } from './sodium.ts';

interface Waiting {
  resolve: (keys: DerivedKeys | OpenedKeys) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
let workerBroken = false;
let nextId = 1;
const waiting = new Map<number, Waiting>();

class WorkerFailure extends Error {}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./kdf.worker.ts', import.meta.url), { type: 'module', name: 'relais-kdf' });
  w.addEventListener('message', (event: MessageEvent<KdfReply>) => {
    const reply = event.data;
    const entry = waiting.get(reply.id);
    if (!entry) return;
    waiting.delete(reply.id);
    if (reply.ok) entry.resolve(reply.result);
    else if (reply.cryptoCode) entry.reject(new CryptoError(reply.cryptoCode));
    else entry.reject(new WorkerFailure(reply.message));
  });
  w.addEventListener('error', (event) => {
    event.preventDefault();
    failWorker(new WorkerFailure(event.message || 'worker error'));
  });
  worker = w;
  return w;
}

function failWorker(error: Error): void {
  workerBroken = true;
  worker?.terminate();
  worker = null;
  for (const entry of waiting.values()) entry.reject(error);
  waiting.clear();
}

function inWorker(task: KdfTask | OpenTask): Promise<DerivedKeys | OpenedKeys> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { resolve, reject });
    try {
      getWorker().postMessage({ id, task } satisfies KdfRequest);
    } catch (error) {
      waiting.delete(id);
      reject(new WorkerFailure(error instanceof Error ? error.message : String(error)));
    }
  });
}

async function onMainThread(task: KdfTask | OpenTask): Promise<DerivedKeys | OpenedKeys> {
  // Loaded only here: the Worker has its own copy, and the first screen's script stays small.
  const [p, { runKdfTask, runOpenTask }] = await Promise.all([loadPrimitives(), import('./kdf-tasks.ts')]);
  return task.op === 'unlock' || task.op === 'open' ? runOpenTask(p, task) : runKdfTask(p, systemRandom, task);
}

async function run(task: KdfTask | OpenTask): Promise<DerivedKeys | OpenedKeys> {
  if (typeof Worker === 'undefined' || workerBroken) return onMainThread(task);
  try {
    return await inWorker(task);
  } catch (error) {
    if (!(error instanceof WorkerFailure)) throw error;
    failWorker(error);
    return onMainThread(task);
  }
}

export async function deriveKeys(task: KdfTask): Promise<DerivedKeys> {
  return (await run(task)) as DerivedKeys;
}

/** Unlock (password → keys) or open a fresh Me's keys, off the main thread. */
export async function openKeys(task: OpenTask): Promise<OpenedKeys> {
  return (await run(task)) as OpenedKeys;
}

/**
 * Starts the Worker (which loads libsodium at once) while a login or unlock screen is shown, so
 * that the derivation does not wait for it. Does nothing where Workers are unavailable.
 */
export function prepareKdf(): void {
  if (typeof Worker === 'undefined' || workerBroken) return;
  try {
    getWorker();
  } catch (error) {
    failWorker(new WorkerFailure(error instanceof Error ? error.message : String(error)));
  }
}
