// The administrator's HTTP calls as the web client makes them (packages/web/src/rotation/api.ts):
// JSON bodies, Bearer token, each answer read as text, JSON.parse'd and checked with the shared
// zod schema, so the client's CPU time includes what the browser's would. Every call goes through
// the fetch it is given (the emulated field network for the measured passes).
import {
  PROTOCOL_VERSION,
  PushResponse,
  RewrapResponse,
  RotationPage,
  RotationStatus,
  type KeyKind,
  type PublishKeysRequest,
  type PushRequest,
  type Rewrap,
  type RewrapResult,
} from '@relais/core/protocol';
import type { RotationTransport } from '@relais/core/rotation/driver';
import type { FetchLike, LinkRequest } from './network.ts';

interface Schema<T> {
  parse(value: unknown): T;
}

export class AdminApi {
  constructor(
    private readonly fetch: FetchLike,
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  status(): Promise<RotationStatus> {
    return this.call('GET', '/api/rotation', RotationStatus);
  }
  publish(request: PublishKeysRequest): Promise<RotationStatus> {
    return this.call('POST', '/api/rotation/keys', RotationStatus, request);
  }
  page(kind: KeyKind, since: number, limit: number): Promise<RotationPage> {
    return this.call('GET', `/api/rotation/records?kind=${kind}&since=${since}&limit=${limit}&protocol=${PROTOCOL_VERSION}`, RotationPage);
  }
  async rewrap(items: readonly Rewrap[]): Promise<RewrapResult[]> {
    return (await this.call('POST', '/api/rotation/rewrap', RewrapResponse, { protocol: PROTOCOL_VERSION, items })).results;
  }
  push(request: PushRequest): Promise<PushResponse> {
    return this.call('POST', '/api/sync/push', PushResponse, request);
  }

  /** The driver's three calls. */
  transport(): RotationTransport {
    return { status: () => this.status(), page: (kind, since, limit) => this.page(kind, since, limit), rewrap: (items) => this.rewrap(items) };
  }

  private async call<T>(method: LinkRequest['method'], path: string, schema: Schema<T>, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    const request: LinkRequest = { method, headers };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      request.body = JSON.stringify(body);
    }
    const response = await this.fetch(`${this.baseUrl}${path}`, request);
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 500)}`);
    return schema.parse(JSON.parse(text));
  }
}
