// The HTTP API as the screens use it. Responses are parsed with the shared zod schemas so a
// server speaking another protocol fails loudly instead of corrupting local state.
import type { z } from 'zod';
import type {
  CreateOrganisationRequest,
  MedicalKeyBootstrapRequest,
  MedicalKeyGrantsRequest,
  Credentials,
  PushRequest,
  Role,
  SealedKey,
} from '@relais/core/protocol';
import { ERROR_MESSAGES } from '@relais/core/errors';
import { ApiError, OFFLINE_MESSAGE } from './errors.ts';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

type Protocol = typeof import('@relais/core/protocol');
let protocol: Promise<Protocol> | undefined;

/**
 * The shared wire schemas, and zod with them, loaded on first use rather than with the first
 * screen: a relaunch shows its unlock screen without compiling them, and they load while the
 * password is being derived (decision 015).
 */
export function loadProtocol(): Promise<Protocol> {
  return (protocol ??= import('@relais/core/protocol'));
}

/** A response schema, or where to find it among the shared schemas once they are loaded. */
export type SchemaRef<S extends z.ZodType> = S | ((schemas: Protocol) => S);

/**
 * One request to the API: JSON in, the response parsed with its shared zod schema (null: no body
 * expected), every failure an ApiError with a French message. `refusal` may give a more precise
 * message than the error code's for a refusal's `details` (the rotation's reasons).
 */
export async function callApi<S extends z.ZodType>(
  target: { base: string; token: string | null },
  method: Method,
  path: string,
  schema: SchemaRef<S> | null,
  body?: unknown,
  refusal?: (details: unknown) => string | undefined,
): Promise<z.infer<S>> {
  const schemas = loadProtocol();
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (target.token) headers.authorization = `Bearer ${target.token}`;
  let response: Response;
  try {
    response = await fetch(target.base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError('OFFLINE', OFFLINE_MESSAGE, 0);
  }
  const text = await response.text();
  const json: unknown = text ? safeJson(text) : undefined;
  const { ErrorResponse } = await schemas;
  if (!response.ok) {
    const parsed = ErrorResponse.safeParse(json);
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      throw new ApiError(code, refusal?.(details) ?? message, response.status);
    }
    // A proxy or a stopped server answers 502/503/504 without our error body: the server is away.
    if (response.status >= 502 && response.status <= 504) throw new ApiError('OFFLINE', OFFLINE_MESSAGE, response.status);
    throw new ApiError('INTERNAL', ERROR_MESSAGES.INTERNAL, response.status);
  }
  if (schema === null) return undefined as z.infer<S>;
  const parsed = (typeof schema === 'function' ? schema(await schemas) : schema).safeParse(json);
  if (!parsed.success) throw new ApiError('INTERNAL', ERROR_MESSAGES.INTERNAL, response.status);
  return parsed.data;
}

export class ApiClient {
  constructor(
    private token: string | null = null,
    private readonly base = '',
  ) {}

  setToken(token: string | null): void {
    this.token = token;
  }

  get hasToken(): boolean {
    return this.token !== null;
  }

  private call<S extends z.ZodType>(method: Method, path: string, schema: ((schemas: Protocol) => S) | null, body?: unknown): Promise<z.infer<S>> {
    return callApi({ base: this.base, token: this.token }, method, path, schema, body);
  }

  health() {
    return this.call('GET', '/api/health', (p) => p.HealthResponse);
  }
  createOrganisation(request: CreateOrganisationRequest) {
    return this.call('POST', '/api/organisations', (p) => p.SessionResponse, request);
  }
  prelogin(email: string) {
    return this.call('POST', '/api/auth/prelogin', (p) => p.PreloginResponse, { email });
  }
  login(email: string, authKey: string) {
    return this.call('POST', '/api/auth/login', (p) => p.SessionResponse, { email, authKey });
  }
  logout() {
    return this.call('POST', '/api/auth/logout', null);
  }
  me() {
    return this.call('GET', '/api/me', (p) => p.Me);
  }
  recoveryOpen(email: string, authKey: string) {
    return this.call('POST', '/api/recovery/open', (p) => p.RecoveryOpenResponse, { email, authKey });
  }
  recoveryReset(request: { email: string; authKey: string; credentials: Credentials; keys: SealedKey[] }) {
    return this.call('POST', '/api/recovery/reset', (p) => p.SessionResponse, request);
  }
  createInvitation(request: { email: string; role: Role; healthProfessional: boolean; teamIds: string[] }) {
    return this.call('POST', '/api/invitations', (p) => p.CreateInvitationResponse, request);
  }
  members() {
    return this.call('GET', '/api/members', (p) => p.MembersResponse);
  }
  deleteInvitation(id: string) {
    return this.call('DELETE', `/api/invitations/${encodeURIComponent(id)}`, null);
  }
  openInvitation(id: string, secret: string) {
    return this.call('POST', `/api/invitations/${encodeURIComponent(id)}/open`, (p) => p.OpenInvitationResponse, { secret });
  }
  acceptInvitation(id: string, request: { secret: string; user: { id: string; name: string }; credentials: Credentials }) {
    return this.call('POST', `/api/invitations/${encodeURIComponent(id)}/accept`, (p) => p.SessionResponse, request);
  }
  confirmMember(id: string, keys: SealedKey[]) {
    return this.call('POST', `/api/members/${encodeURIComponent(id)}/confirm`, null, { keys });
  }
  updateMember(id: string, patch: { role?: Role; healthProfessional?: boolean }) {
    return this.call('PATCH', `/api/members/${encodeURIComponent(id)}`, null, patch);
  }
  teams() {
    return this.call('GET', '/api/teams', (p) => p.TeamsResponse);
  }
  journal(before?: number) {
    return this.call('GET', `/api/journal${before === undefined ? '' : `?before=${before}`}`, (p) => p.JournalResponse);
  }
  setJournalRetention(retentionMonths: number) {
    return this.call('PUT', '/api/journal/settings', (p) => p.JournalSettingsRequest, { retentionMonths });
  }
  createTeam(id: string, name: string) {
    return this.call('POST', '/api/teams', null, { id, name });
  }
  renameTeam(id: string, name: string) {
    return this.call('PATCH', `/api/teams/${encodeURIComponent(id)}`, null, { name });
  }
  setTeamMembers(id: string, memberIds: string[]) {
    return this.call('PUT', `/api/teams/${encodeURIComponent(id)}/members`, null, { memberIds });
  }
  push(request: PushRequest) {
    return this.call('POST', '/api/sync/push', (p) => p.PushResponse, request);
  }
  /** `collections` limits the page to those collections (the first sync pulls persons first). */
  pull(since: number, limit: number, collections?: readonly string[]) {
    const only = collections && collections.length > 0 ? `&collections=${collections.map(encodeURIComponent).join(',')}` : '';
    return this.call('GET', `/api/sync/pull?since=${since}&limit=${limit}${only}`, (p) => p.PullResponse);
  }
  /** Every key version sealed to this member (the session's copy may predate a grant or a rotation). */
  keys() {
    return this.call('GET', '/api/keys', (p) => p.KeysResponse);
  }
  // The medical key among health professionals (decision 017).
  medicalKeyState() {
    return this.call('GET', '/api/keys/medical/pending', (p) => p.MedicalKeyState);
  }
  bootstrapMedicalKey(request: MedicalKeyBootstrapRequest) {
    return this.call('POST', '/api/keys/medical', (p) => p.MedicalKeyState, request);
  }
  grantMedicalKeys(request: MedicalKeyGrantsRequest) {
    return this.call('POST', '/api/keys/medical/grants', (p) => p.MedicalKeyState, request);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
