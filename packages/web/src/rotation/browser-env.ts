// The rotation runner's environment in a browser (its Worker, or the page when Workers fail).
import { loadPrimitives, random } from '../crypto/sodium.ts';
import { RotationApi } from './api.ts';
import { IdbCursorStore } from './cursor-store.ts';
import type { FromWorker } from './protocol.ts';
import type { RunnerEnv } from './runner.ts';

export function browserRunnerEnv(post: (message: FromWorker) => void): RunnerEnv {
  return {
    primitives: loadPrimitives,
    random,
    api: (token, apiBase) => new RotationApi(token, apiBase),
    openStore: (userId) => IdbCursorStore.open(userId),
    sleep: (ms) => wakeAfter(ms),
    post,
  };
}

/** Resolves after `ms`, or as soon as the browser says the network is back. */
function wakeAfter(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      removeEventListener('online', wake);
      resolve();
    };
    const timer = setTimeout(wake, ms);
    addEventListener('online', wake);
  });
}
