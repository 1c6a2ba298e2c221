// Connects a DataService to a message channel: each request gets exactly one reply.
import { toWire } from './errors.ts';
import type { FromWorker, Request } from './protocol.ts';
import type { DataService } from './service.ts';

export function serve(service: DataService, request: Request, post: (message: FromWorker) => void): void {
  service.handle(request.method, request.params).then(
    (result) => post({ type: 'reply', id: request.id, ok: true, result }),
    (error: unknown) => post({ type: 'reply', id: request.id, ok: false, error: toWire(error) }),
  );
}
