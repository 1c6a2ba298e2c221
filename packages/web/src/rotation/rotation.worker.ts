// The rotation Worker: re-encrypts the organisation's records after a key rotation, apart from
// the data Worker, so that reads, writes and syncs of the app go on meanwhile.
import { browserRunnerEnv } from './browser-env.ts';
import type { ToWorker } from './protocol.ts';
import { RotationRunner } from './runner.ts';

declare const self: DedicatedWorkerGlobalScope;

const runner = new RotationRunner(browserRunnerEnv((message) => self.postMessage(message)));

self.addEventListener('message', (event: MessageEvent<ToWorker>) => runner.handle(event.data));
