// Argon2id at 64 MiB takes about a second on a cheap phone: it runs here so the UI stays responsive.
// The account's keys are opened here as well, so the page needs no libsodium to log in or unlock.
import { isCryptoError } from '@relais/core/crypto/errors';
import { runKdfTask, runOpenTask } from './kdf-tasks.ts';
import { loadPrimitives, systemRandom } from './sodium.ts';
import type { KdfReply, KdfRequest } from './kdf-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

// The page starts this Worker while the person is still typing the password: libsodium is ready
// by the time the derivation is asked for.
void loadPrimitives();

self.addEventListener('message', (event: MessageEvent<KdfRequest>) => {
  const { id, task } = event.data;
  void (async () => {
    let reply: KdfReply;
    try {
      const p = await loadPrimitives();
      const result = task.op === 'unlock' || task.op === 'open' ? runOpenTask(p, task) : runKdfTask(p, systemRandom, task);
      reply = { id, ok: true, result };
    } catch (error) {
      reply = isCryptoError(error)
        ? { id, ok: false, cryptoCode: error.code, message: error.message }
        : { id, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    self.postMessage(reply);
  })();
});
