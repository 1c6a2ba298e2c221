// The two ways the page reaches the data service. A module Worker first; when Workers are
// missing or the Worker cannot load (old browser, CSP, memory), the same service runs on the page
// behind the same messages (structured clones, asynchronous delivery), so nothing else changes —
// only long syncs then share the main thread with the screen.
import type { Endpoint, FromWorker, Request } from './protocol.ts';
import { serve } from './serve.ts';
import type { DataService } from './service.ts';

export class EndpointFailure extends Error {
  override readonly name = 'EndpointFailure';
}

export function workerEndpoint(): Endpoint {
  const worker = new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module', name: 'relais-data' });
  const failures: ((error: Error) => void)[] = [];
  // A Worker started ahead (DataClient.prepare) may fail before anyone listens: remembered.
  let failed: Error | null = null;
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    const error = new EndpointFailure(event.message || 'data worker failed');
    failed ??= error;
    for (const handler of failures) handler(error);
  });
  return {
    post: (request) => worker.postMessage(request),
    listen: (handler) => worker.addEventListener('message', (event: MessageEvent<FromWorker>) => handler(event.data)),
    onFailure: (handler) => {
      failures.push(handler);
      const error = failed;
      if (error) queueMicrotask(() => handler(error));
    },
    terminate: () => worker.terminate(),
  };
}

/** The service on the page itself. Loaded on demand: most devices never need it. */
export async function inThreadEndpoint(): Promise<Endpoint> {
  const [{ DataService }, { browserEnv }] = await Promise.all([import('./service.ts'), import('./browser-env.ts')]);
  return localEndpoint((emit) => new DataService(browserEnv(emit)));
}

/** A service in this thread behind the Worker's messages: copies both ways, answers later, never at once. */
export function localEndpoint(makeService: (emit: (message: FromWorker) => void) => DataService): Endpoint {
  const handlers: ((message: FromWorker) => void)[] = [];
  const deliver = (message: FromWorker) => {
    const copy = structuredClone(message);
    setTimeout(() => {
      for (const handler of handlers) handler(copy);
    }, 0);
  };
  const service = makeService(deliver);
  return {
    post: (request: Request | Request[]) => {
      const copy = structuredClone(request);
      setTimeout(() => serve(service, copy, deliver), 0);
    },
    listen: (handler) => handlers.push(handler),
    onFailure: () => undefined,
    terminate: () => service.close(),
  };
}
