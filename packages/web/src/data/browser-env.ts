// The data service's environment in a browser (the Worker, or the page when Workers fail).
import { ApiClient } from '../api/client.ts';
import { HttpTransport } from '../api/transport.ts';
import { loadPrimitives, random } from '../crypto/sodium.ts';
import { systemClock } from '../session/clock.ts';
import { openUserDb } from '../storage/user-db.ts';
import { coreDomain } from './domain.ts';
import type { WorkerEvent } from './protocol.ts';
import { ReadAheadTransport } from './read-ahead.ts';
import type { ServiceEnv } from './service.ts';

export function browserEnv(emit: (event: WorkerEvent) => void): ServiceEnv {
  return {
    primitives: loadPrimitives,
    random,
    clock: systemClock,
    openDb: openUserDb,
    transport: (token, apiBase) => new ReadAheadTransport(new HttpTransport(new ApiClient(token, apiBase))),
    domain: coreDomain,
    emit,
  };
}
