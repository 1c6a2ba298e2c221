// The data Worker: holds the organisation keys while the app is unlocked, syncs, indexes and
// decrypts off the page's main thread, so a long sync never freezes the screen.
import { loadPrimitives } from '../crypto/sodium.ts';
import { browserEnv } from './browser-env.ts';
import type { Request } from './protocol.ts';
import { serve } from './serve.ts';
import { DataService } from './service.ts';

declare const self: DedicatedWorkerGlobalScope;

// Started before the unlock (DataClient.prepare): libsodium loads while the password is typed.
void loadPrimitives();

const service = new DataService(browserEnv((event) => self.postMessage(event)));

self.addEventListener('message', (event: MessageEvent<Request | Request[]>) => {
  serve(service, event.data, (message) => self.postMessage(message));
});
