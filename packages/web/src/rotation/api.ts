// The HTTP calls of member exit and key rotation (docs/decisions/011-member-exit-and-key-rotation.md),
// for the page (revoke, status, keys, publish) and the rotation Worker (pages of records, rewraps).
// Responses are parsed with the shared zod schemas, like api/client.ts; errors are its ApiError.
// The refusals whose generic message would not tell an administrator what to do (revoking
// oneself, the last administrator, a kind they do not hold) get a precise French message here.
import type { z } from 'zod';
import { ERROR_MESSAGES } from '@relais/core/errors';
import {
  ErrorResponse,
  KeysResponse,
  Member,
  PROTOCOL_VERSION,
  RewrapResponse,
  RotationPage,
  RotationStatus,
  type KeyKind,
  type PublishKeysRequest,
  type Rewrap,
} from '@relais/core/protocol';
import { ApiError, OFFLINE_MESSAGE } from '../api/errors.ts';

/** French text for the server's `details.reason` of a 403, where it says more than FORBIDDEN. */
export const REFUSAL_MESSAGES: Readonly<Record<string, string>> = {
  self: "Vous ne pouvez pas retirer votre propre accès : un autre administrateur doit le faire.",
  last_admin: "Impossible de retirer l'accès du dernier administrateur : nommez d'abord un autre administrateur.",
  key_not_held: "Vous ne détenez pas cette clé : un administrateur qui la détient doit renouveler les clés.",
};

type Method = 'GET' | 'POST';

export class RotationApi {
  constructor(
    private token: string | null,
    private readonly base = '',
  ) {}

  setToken(token: string | null): void {
    this.token = token;
  }

  revoke(memberId: string) {
    return this.call('POST', `/api/members/${encodeURIComponent(memberId)}/revoke`, Member, {});
  }
  keys() {
    return this.call('GET', '/api/keys', KeysResponse);
  }
  status() {
    return this.call('GET', '/api/rotation', RotationStatus);
  }
  publish(request: PublishKeysRequest) {
    return this.call('POST', '/api/rotation/keys', RotationStatus, request);
  }
  page(kind: KeyKind, since: number, limit: number) {
    return this.call('GET', `/api/rotation/records?kind=${kind}&since=${since}&limit=${limit}&protocol=${PROTOCOL_VERSION}`, RotationPage);
  }
  async rewrap(items: readonly Rewrap[]) {
    return (await this.call('POST', '/api/rotation/rewrap', RewrapResponse, { protocol: PROTOCOL_VERSION, items })).results;
  }

  private async call<S extends z.ZodType>(method: Method, path: string, schema: S, body?: unknown): Promise<z.infer<S>> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let response: Response;
    try {
      response = await fetch(this.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    } catch {
      throw new ApiError('OFFLINE', OFFLINE_MESSAGE, 0);
    }
    const text = await response.text();
    const json = parseJson(text);
    if (!response.ok) {
      const parsed = ErrorResponse.safeParse(json);
      if (parsed.success) {
        const { code, message, details } = parsed.data.error;
        throw new ApiError(code, refusalMessage(details) ?? message, response.status);
      }
      // A proxy or a stopped server answers 502/503/504 without our error body: the server is away.
      if (response.status >= 502 && response.status <= 504) throw new ApiError('OFFLINE', OFFLINE_MESSAGE, response.status);
      throw new ApiError('INTERNAL', ERROR_MESSAGES.INTERNAL, response.status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ApiError('INTERNAL', ERROR_MESSAGES.INTERNAL, response.status);
    return parsed.data;
  }
}

function refusalMessage(details: unknown): string | undefined {
  if (typeof details !== 'object' || details === null || !('reason' in details)) return undefined;
  const reason = (details as { reason: unknown }).reason;
  return typeof reason === 'string' ? REFUSAL_MESSAGES[reason] : undefined;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
