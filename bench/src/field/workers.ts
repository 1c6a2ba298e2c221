// CDP access to the page's dedicated Workers (the data Worker decrypts and indexes there). Playwright
// gives a CDP session for pages only, so workers are reached through the page's session with
// non-flattened auto-attach: commands go through Target.sendMessageToTarget and answers come back
// as Target.receivedMessageFromTarget events. Used to sample each Worker's JS heap (a Worker is a
// separate V8 isolate that the page's Runtime.getHeapUsage does not count) and to profile it.
import type { CDPSession } from 'playwright-core';

interface Pending {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

export interface WorkerTarget {
  sessionId: string;
  url: string;
}

export class WorkerSessions {
  private readonly workers = new Map<string, WorkerTarget>();
  private readonly pending = new Map<number, Pending>();
  private readonly listeners: ((worker: WorkerTarget) => void)[] = [];
  private nextId = 1;

  private constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (event) => {
      if (event.targetInfo.type !== 'worker') return;
      const worker = { sessionId: event.sessionId, url: event.targetInfo.url };
      this.workers.set(event.sessionId, worker);
      for (const listener of this.listeners) listener(worker);
    });
    cdp.on('Target.detachedFromTarget', (event) => {
      this.workers.delete(event.sessionId);
    });
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      if (message.id === undefined) return;
      const waiting = this.pending.get(message.id);
      if (waiting === undefined) return;
      this.pending.delete(message.id);
      if (message.error) waiting.reject(new Error(message.error.message));
      else waiting.resolve(message.result);
    });
  }

  static async attach(cdp: CDPSession): Promise<WorkerSessions> {
    const sessions = new WorkerSessions(cdp);
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    return sessions;
  }

  /** Called for every Worker that starts from now on. */
  onAttach(listener: (worker: WorkerTarget) => void): void {
    this.listeners.push(listener);
  }

  list(): WorkerTarget[] {
    return [...this.workers.values()];
  }

  /** A CDP command run in one Worker; rejects when it answers an error or goes away. */
  send<T>(sessionId: string, method: string, params: Record<string, unknown> = {}, timeoutMs = 30_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} in a Worker: no answer after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (result) => {
          clearTimeout(timer);
          resolve(result as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch((error: unknown) => {
          clearTimeout(timer);
          this.pending.delete(id);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
  }
}
