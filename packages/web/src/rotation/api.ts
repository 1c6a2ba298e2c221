// The HTTP calls of member exit and key rotation (docs/decisions/011-member-exit-and-key-rotation.md),
// for the page (revoke, status, keys, publish) and the rotation Worker (pages of records, rewraps).
// Requests go through api/client.ts's callApi (shared zod schemas, ApiError).
// The refusals whose generic message would not tell an administrator what to do (revoking
// oneself, the last administrator, a kind they do not hold) get a precise French message here.
import type { z } from 'zod';
import {
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
import { callApi } from '../api/client.ts';

/** French text for the server's `details.reason` of a 403, where it says more than FORBIDDEN. */
export const REFUSAL_MESSAGES: Readonly<Record<string, string>> = {
  self: "Vous ne pouvez pas retirer votre propre accès : un autre administrateur doit le faire.",
  last_admin: "Impossible de retirer l'accès du dernier administrateur : nommez d'abord un autre administrateur.",
  key_not_held: "Vous ne détenez pas cette clé : un administrateur qui la détient doit renouveler les clés.",
};

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

  private call<S extends z.ZodType>(method: 'GET' | 'POST', path: string, schema: S, body?: unknown): Promise<z.infer<S>> {
    return callApi({ base: this.base, token: this.token }, method, path, schema, body, refusalMessage);
  }
}

function refusalMessage(details: unknown): string | undefined {
  if (typeof details !== 'object' || details === null || !('reason' in details)) return undefined;
  const reason = (details as { reason: unknown }).reason;
  return typeof reason === 'string' ? REFUSAL_MESSAGES[reason] : undefined;
}
