// Argon2id at 64 MiB takes about a second on a cheap phone: it runs here so the UI stays responsive.
import { isCryptoError } from '@relais/core/crypto/errors';
import { runKdfTask, type KdfTask } from './kdf-tasks.ts';
import { loadPrimitives, systemRandom } from './sodium.ts';
import type { KdfReply } from './kdf-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

self.addEventListener('message', (event: MessageEvent<{ id: number; task: KdfTask }>) => {
  const { id, task } = event.data;
  void (async () => {
    let reply: KdfReply;
    try {
      const result = runKdfTask(await loadPrimitives(), systemRandom, task);
      reply = { id, ok: true, result };
    } catch (error) {
      reply = isCryptoError(error)
        ? { id, ok: false, cryptoCode: error.code, message: error.message }
        : { id, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    self.postMessage(reply);
  })();
});
