// Connects a DataService to a message channel: each request gets exactly one reply; a batch of
// requests gets its replies together in one message, once all of them are settled.
import { toWire } from './errors.ts';
import type { FromWorker, Reply, Request } from './protocol.ts';
import type { DataService } from './service.ts';

function answer(service: DataService, request: Request): Promise<Reply> {
  return service.handle(request.method, request.params).then(
    (result): Reply => ({ type: 'reply', id: request.id, ok: true, result }),
    (error: unknown): Reply => ({ type: 'reply', id: request.id, ok: false, error: toWire(error) }),
  );
}

export function serve(service: DataService, request: Request | Request[], post: (message: FromWorker) => void): void {
  if (Array.isArray(request)) {
    void Promise.all(request.map((r) => answer(service, r))).then((replies) => post({ type: 'replies', replies }));
    return;
  }
  void answer(service, request).then(post);
}
