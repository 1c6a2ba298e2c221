// The data Worker: holds the organisation keys while the app is unlocked, syncs, indexes and
// decrypts off the page's main thread, so a long sync never freezes the screen.
import { browserEnv } from './browser-env.ts';
import type { Request } from './protocol.ts';
import { serve } from './serve.ts';
import { DataService } from './service.ts';

declare const self: DedicatedWorkerGlobalScope;

const service = new DataService(browserEnv((event) => self.postMessage(event)));

self.addEventListener('message', (event: MessageEvent<Request>) => {
  serve(service, event.data, (message) => self.postMessage(message));
});
