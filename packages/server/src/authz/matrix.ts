// Who may call what: every endpoint × every kind of caller, with the status a valid request gets.
// This table is the specification; matrix.test.ts walks all of it against the real server (both
// databases) and writes docs/authorization-matrix.md from it, so the document cannot drift.
//
// Callers: anonymous (no session), pending (invited, not yet confirmed), and the confirmed roles —
// stats (statistiques seulement), restricted (accès restreint), member, health (a member who is
// a health professional), admin. For endpoints about one thing (a member, a team, an
// invitation), `own` targets a thing of the caller's organisation and `other` one of another
// organisation: the answer must never tell the other organisation's things apart from nothing.

export const CALLERS = ['anonymous', 'pending', 'stats', 'restricted', 'member', 'health', 'admin'] as const;
export type Caller = (typeof CALLERS)[number];
export type Scope = 'own' | 'other' | 'none';

export interface MatrixRow {
  /** "METHOD /path" as the OpenAPI document names it. */
  endpoint: string;
  /** What the request carries besides the caller's session (a new record, a target…). */
  case: string;
  scope: Scope;
  expected: Record<Caller, number>;
}

const all = (status: number): Record<Caller, number> => ({ anonymous: status, pending: status, stats: status, restricted: status, member: status, health: status, admin: status });
/** Any signed-in account, confirmed or not. */
const session = (ok: number): Record<Caller, number> => ({ ...all(ok), anonymous: 401 });
/** Confirmed members of every role. */
const active = (ok: number): Record<Caller, number> => ({ ...all(ok), anonymous: 401, pending: 403 });
/** Confirmed administrators. */
const admin = (ok: number): Record<Caller, number> => ({ ...all(403), anonymous: 401, admin: ok });

export const MATRIX: readonly MatrixRow[] = [
  { endpoint: 'GET /api/health', case: 'public', scope: 'none', expected: all(200) },
  { endpoint: 'GET /api/openapi.json', case: 'public', scope: 'none', expected: all(200) },
  { endpoint: 'POST /api/organisations', case: 'a new organisation (open to anyone)', scope: 'none', expected: all(201) },
  { endpoint: 'POST /api/auth/prelogin', case: 'any e-mail (unknown ones get a stable fake answer)', scope: 'none', expected: all(200) },
  { endpoint: 'POST /api/auth/login', case: "the caller's own e-mail and key", scope: 'none', expected: { ...all(200), anonymous: 401 } },
  { endpoint: 'POST /api/auth/logout', case: 'the session itself', scope: 'none', expected: session(204) },
  { endpoint: 'GET /api/me', case: 'the session itself', scope: 'none', expected: session(200) },
  { endpoint: 'POST /api/recovery/open', case: "the caller's e-mail and the organisation creator's recovery key", scope: 'none', expected: { ...all(401), admin: 200 } },
  { endpoint: 'POST /api/recovery/reset', case: "the caller's e-mail and the organisation creator's recovery key", scope: 'none', expected: { ...all(401), admin: 200 } },
  { endpoint: 'POST /api/invitations', case: 'a new invitation', scope: 'none', expected: admin(201) },
  { endpoint: 'DELETE /api/invitations/{id}', case: 'an open invitation', scope: 'own', expected: admin(204) },
  { endpoint: 'DELETE /api/invitations/{id}', case: 'an open invitation', scope: 'other', expected: { ...admin(404) } },
  { endpoint: 'POST /api/invitations/{id}/open', case: "the invitation's secret (no session needed)", scope: 'own', expected: all(200) },
  { endpoint: 'POST /api/invitations/{id}/accept', case: "the invitation's secret (no session needed)", scope: 'own', expected: all(201) },
  { endpoint: 'GET /api/members', case: 'the organisation', scope: 'none', expected: admin(200) },
  { endpoint: 'POST /api/members/{id}/confirm', case: 'a pending member', scope: 'own', expected: admin(200) },
  { endpoint: 'POST /api/members/{id}/confirm', case: 'a pending member', scope: 'other', expected: admin(404) },
  { endpoint: 'PATCH /api/members/{id}', case: 'a confirmed member', scope: 'own', expected: admin(200) },
  { endpoint: 'PATCH /api/members/{id}', case: 'a confirmed member', scope: 'other', expected: admin(404) },
  { endpoint: 'POST /api/members/{id}/revoke', case: 'a confirmed member', scope: 'own', expected: admin(200) },
  { endpoint: 'POST /api/members/{id}/revoke', case: 'a confirmed member', scope: 'other', expected: admin(404) },
  { endpoint: 'GET /api/teams', case: 'the organisation', scope: 'none', expected: active(200) },
  { endpoint: 'POST /api/teams', case: 'a new team', scope: 'none', expected: admin(201) },
  { endpoint: 'PATCH /api/teams/{id}', case: 'a team', scope: 'own', expected: admin(200) },
  { endpoint: 'PATCH /api/teams/{id}', case: 'a team', scope: 'other', expected: admin(404) },
  { endpoint: 'PUT /api/teams/{id}/members', case: 'a team', scope: 'own', expected: admin(200) },
  { endpoint: 'PUT /api/teams/{id}/members', case: 'a team', scope: 'other', expected: admin(404) },
  { endpoint: 'POST /api/sync/push', case: 'a new general record (person)', scope: 'none', expected: { ...active(200), stats: 403 } },
  { endpoint: 'POST /api/sync/push', case: "the organisation's settings record", scope: 'none', expected: { ...admin(200), health: 403, member: 403, restricted: 403, stats: 403 } },
  { endpoint: 'POST /api/sync/push', case: 'a new medical record (consultation)', scope: 'none', expected: { ...active(403), health: 200 } },
  { endpoint: 'GET /api/sync/pull', case: 'every readable collection', scope: 'none', expected: active(200) },
  { endpoint: 'GET /api/sync/pull', case: 'the medical collections by name', scope: 'none', expected: { ...active(403), health: 200 } },
  { endpoint: 'GET /api/journal', case: "the organisation's journal", scope: 'none', expected: admin(200) },
  { endpoint: 'PUT /api/journal/settings', case: 'a retention of 12 months', scope: 'none', expected: admin(200) },
  { endpoint: 'GET /api/keys', case: "the caller's own sealed keys", scope: 'none', expected: active(200) },
  { endpoint: 'GET /api/rotation', case: "the organisation's rotation status", scope: 'none', expected: { ...admin(200), health: 200 } },
  { endpoint: 'POST /api/rotation/keys', case: 'the next general version sealed to every recipient', scope: 'none', expected: admin(200) },
  { endpoint: 'POST /api/rotation/keys', case: 'the next medical version sealed to every recipient', scope: 'none', expected: { ...admin(403), health: 200 } },
  { endpoint: 'GET /api/rotation/records', case: 'general records under an older version', scope: 'none', expected: admin(200) },
  { endpoint: 'GET /api/rotation/records', case: 'medical records under an older version', scope: 'none', expected: { ...admin(403), health: 200 } },
  { endpoint: 'POST /api/rotation/rewrap', case: 'a record already under the current version', scope: 'none', expected: admin(200) },
  { endpoint: 'POST /api/rotation/rewrap', case: 'a medical record already under the current version', scope: 'none', expected: { ...admin(403), health: 200 } },
  { endpoint: 'GET /api/keys/medical/pending', case: 'the medical key as the caller sees it', scope: 'none', expected: { ...active(403), health: 200 } },
  {
    endpoint: 'POST /api/keys/medical',
    case: 'the first medical key of an organisation without one, sealed to the caller',
    scope: 'none',
    expected: { ...active(403), health: 200 },
  },
  {
    endpoint: 'POST /api/keys/medical/grants',
    case: 'the current medical version sealed to a health professional lacking it',
    scope: 'none',
    expected: { ...active(403), health: 200 },
  },
];

const CALLER_LABELS: Record<Caller, string> = {
  anonymous: 'anonyme',
  pending: 'en attente',
  stats: 'statistiques',
  restricted: 'accès restreint',
  member: 'membre',
  health: 'membre, professionnel de santé',
  admin: 'administrateur',
};

const SCOPE_LABELS: Record<Scope, string> = { own: 'own organisation', other: 'another organisation', none: '—' };

/** docs/authorization-matrix.md, generated from MATRIX. */
export function matrixMarkdown(): string {
  const header = `| endpoint | request | target | ${CALLERS.map((c) => `${c} (${CALLER_LABELS[c]})`).join(' | ')} |`;
  const rule = `|${' --- |'.repeat(3 + CALLERS.length)}`;
  const rows = MATRIX.map((row) => `| \`${row.endpoint}\` | ${row.case} | ${SCOPE_LABELS[row.scope]} | ${CALLERS.map((c) => row.expected[c]).join(' | ')} |`);
  return [
    '# Authorization matrix',
    '',
    'Generated from `packages/server/src/authz/matrix.ts` by `packages/server/src/authz/matrix.test.ts`, which',
    'sends every request below to the real server, on PGlite and on PostgreSQL, and checks the status.',
    'Regenerate with `UPDATE_MATRIX=1 npx vitest run --project server src/authz`.',
    '',
    'Each cell is the HTTP status a well-formed request of that caller gets. 401: no valid session;',
    "403: signed in but not allowed (a pending member is allowed nothing of the organisation); 404: the target is",
    "not in the caller's organisation (indistinguishable from a target that does not exist). Record contents are",
    'never visible to the server, so finer rules (which fields an accès restreint member sees) are the clients\'.',
    '',
    header,
    rule,
    ...rows,
    '',
  ].join('\n');
}
