// Every request and response body of the HTTP API, defined once. The server validates with these
// schemas and generates its OpenAPI document from them; the web client and tests type against them.
// Any change to these shapes must bump PROTOCOL_VERSION (protocol.test.ts pins a hash).
import { z } from 'zod';
import { COLLECTION_NAMES, KEY_KINDS } from './collections.ts';
import { ERROR_MESSAGES, type ErrorCode } from './errors.ts';

export const PROTOCOL_VERSION = 7;

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'identifiant invalide');
/** Standard padded base64 of binary data (ciphertexts, keys, salts). */
const b64 = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4)
    .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'base64 invalide');
const email = z.string().trim().toLowerCase().max(254).email('adresse e-mail invalide');
const personName = z.string().trim().min(1).max(200);

export const Uuid = uuid;
export const Base64 = b64;

export const MAX_RECORD_BYTES = 256 * 1024;
export const MAX_PUSH_CHANGES = 500;
export const PULL_PAGE_MAX = 1000;

export const KeyKind = z.enum(KEY_KINDS);
export type KeyKind = z.infer<typeof KeyKind>;
export const CollectionName = z.enum(COLLECTION_NAMES);
export type CollectionName = z.infer<typeof CollectionName>;
export const Role = z.enum(['admin', 'member', 'restricted', 'stats']);
export type Role = z.infer<typeof Role>;
export const MemberStatus = z.enum(['pending', 'active', 'revoked']);

export const ErrorResponse = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_MESSAGES) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

/** Argon2id parameters chosen when the account was created; the same on every device. */
export const KdfParams = z.object({
  algorithm: z.literal('argon2id13'),
  salt: b64(16),
  opsLimit: z.number().int().min(2).max(10),
  memLimitBytes: z.number().int().min(16 * 1024 * 1024).max(1024 * 1024 * 1024),
});
export type KdfParams = z.infer<typeof KdfParams>;

/** An organisation key sealed (crypto_box_seal) to one member's public key. */
export const SealedKey = z.object({ kind: KeyKind, version: z.number().int().min(1), sealed: b64(512) });
export type SealedKey = z.infer<typeof SealedKey>;

/** What a user sends to prove the password and to let any device rebuild the keys. */
export const Credentials = z.object({
  kdf: KdfParams,
  /** 32-byte auth key derived from the password; the server stores only a slow hash of it. */
  authKey: b64(32),
  publicKey: b64(32),
  /** Envelope holding the X25519 private key, encrypted with the password-derived key. */
  wrappedPrivateKey: b64(256),
});
export type Credentials = z.infer<typeof Credentials>;

export const Team = z.object({ id: uuid, name: z.string().trim().min(1).max(100), memberIds: z.array(uuid) });
export type Team = z.infer<typeof Team>;

export const Member = z.object({
  id: uuid,
  name: personName,
  email: z.string(),
  role: Role,
  healthProfessional: z.boolean(),
  status: MemberStatus,
  publicKey: b64(32).nullable(),
  createdAt: z.string(),
});
export type Member = z.infer<typeof Member>;

export const Me = z.object({
  user: Member,
  organisation: z.object({ id: uuid, name: z.string() }),
  kdf: KdfParams,
  wrappedPrivateKey: b64(256),
  keys: z.array(SealedKey),
  teams: z.array(Team),
  /**
   * Every confirmed or former member's name, so that any member (not only admins) can say who
   * wrote a comment or changed a field, offline too. Empty for a pending member.
   */
  colleagues: z.array(z.object({ id: uuid, name: personName })),
});
export type Me = z.infer<typeof Me>;

export const Session = z.object({ token: z.string(), expiresAt: z.string() });
export const SessionResponse = z.object({ session: Session, me: Me });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const HealthResponse = z.object({ status: z.literal('ok'), protocol: z.number().int(), fresh: z.boolean() });

export const CreateOrganisationRequest = z.object({
  organisation: z.object({ id: uuid, name: z.string().trim().min(2).max(120) }),
  /**
   * `healthProfessional`: the creator declares « Je suis professionnel de santé »; only then is the
   * medical key created at once and sealed to them (decision 017), otherwise `keys` holds the
   * general key only and the first health professional creates the medical key.
   */
  user: z.object({ id: uuid, name: personName, email, healthProfessional: z.boolean().default(false) }),
  credentials: Credentials,
  keys: z.array(SealedKey).min(1).max(2),
  recovery: z.object({
    /** Derived from the recovery code; the server stores only a slow hash. */
    authKey: b64(32),
    /** Envelope of the organisation keys under the recovery code's key. */
    wrappedKeys: b64(4096),
  }),
});
export type CreateOrganisationRequest = z.infer<typeof CreateOrganisationRequest>;

export const PreloginRequest = z.object({ email });
export const PreloginResponse = z.object({ kdf: KdfParams });
export const LoginRequest = z.object({ email, authKey: b64(32) });

export const RecoveryOpenRequest = z.object({ email, authKey: b64(32) });
export const RecoveryOpenResponse = z.object({ userId: uuid, organisationId: uuid, wrappedKeys: b64(4096) });
export const RecoveryResetRequest = z.object({
  email,
  authKey: b64(32),
  credentials: Credentials,
  keys: z.array(SealedKey).min(1).max(64),
});

export const CreateInvitationRequest = z.object({
  email,
  role: Role,
  healthProfessional: z.boolean().default(false),
  teamIds: z.array(uuid).max(100).default([]),
});
export const Invitation = z.object({
  id: uuid,
  email: z.string(),
  role: Role,
  healthProfessional: z.boolean(),
  teamIds: z.array(uuid),
  expiresAt: z.string(),
});
export const CreateInvitationResponse = z.object({
  invitation: Invitation,
  /** Shown once; travels in the URL fragment of the invitation link, never in a path or query. */
  secret: z.string(),
});
export const OpenInvitationRequest = z.object({ secret: z.string().min(16).max(128) });
export const OpenInvitationResponse = z.object({ organisationName: z.string(), email: z.string(), role: Role });
export const AcceptInvitationRequest = z.object({
  secret: z.string().min(16).max(128),
  user: z.object({ id: uuid, name: personName }),
  credentials: Credentials,
});

export const ConfirmMemberRequest = z.object({ keys: z.array(SealedKey).min(1).max(64) });
export const UpdateMemberRequest = z.object({ role: Role.optional(), healthProfessional: z.boolean().optional() });
export const MembersResponse = z.object({ members: z.array(Member), invitations: z.array(Invitation) });

export const CreateTeamRequest = z.object({ id: uuid, name: z.string().trim().min(1).max(100) });
export const UpdateTeamRequest = z.object({ name: z.string().trim().min(1).max(100) });
export const SetTeamMembersRequest = z.object({ memberIds: z.array(uuid).max(1000) });
export const TeamsResponse = z.object({ teams: z.array(Team) });

/** A record as stored and relayed by the server: clear metadata, opaque ciphertext. */
export const RemoteRecord = z.object({
  collection: CollectionName,
  id: uuid,
  version: z.number().int().min(1),
  seq: z.number().int().min(1),
  keyVersion: z.number().int().min(1),
  deleted: z.boolean(),
  authorId: uuid,
  updatedAt: z.string(),
  ciphertext: b64(MAX_RECORD_BYTES),
});
export type RemoteRecord = z.infer<typeof RemoteRecord>;

export const Change = z.object({
  /** Client-made id of this change; a retried change with the same id is answered, not re-applied. */
  changeId: uuid,
  collection: CollectionName,
  id: uuid,
  /** The record version this change was made on; 0 for a new record. */
  baseVersion: z.number().int().min(0),
  keyVersion: z.number().int().min(1),
  deleted: z.boolean(),
  ciphertext: b64(MAX_RECORD_BYTES),
});
export type Change = z.infer<typeof Change>;

export const PushRequest = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  changes: z.array(Change).min(1).max(MAX_PUSH_CHANGES),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const PushResult = z.discriminatedUnion('status', [
  z.object({ changeId: uuid, id: uuid, status: z.literal('accepted'), version: z.number().int(), seq: z.number().int() }),
  z.object({ changeId: uuid, id: uuid, status: z.literal('conflict'), current: RemoteRecord }),
]);
export type PushResult = z.infer<typeof PushResult>;
export const PushResponse = z.object({ protocol: z.literal(PROTOCOL_VERSION), results: z.array(PushResult) });
export type PushResponse = z.infer<typeof PushResponse>;

/**
 * Comma-separated collection names (`person,history`), parsed into a list. A pull limited to some
 * collections lets the first sync fetch persons first; its `next` is a cursor for that same list
 * only (a client pulling in phases keeps one cursor per phase).
 */
export const CollectionList = z
  .string()
  .max(1000)
  .regex(/^[A-Za-z]+(?:,[A-Za-z]+)*$/, 'liste de collections invalide')
  .transform((text) => [...new Set(text.split(','))])
  .pipe(z.array(CollectionName).min(1));

export const PullQuery = z.object({
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(PULL_PAGE_MAX).default(PULL_PAGE_MAX),
  protocol: z.coerce.number().int().default(PROTOCOL_VERSION),
  /** Only these collections (absent: every collection the caller may read). */
  collections: CollectionList.optional(),
});
export const PullResponse = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  changes: z.array(RemoteRecord),
  /** Sequence to pass as `since` for the next page. */
  next: z.number().int().min(0),
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponse>;

export const JOURNAL_EVENTS = [
  'login',
  'logout',
  'recovery',
  'pull',
  'push',
  'member_confirmed',
  'member_changed',
  'member_revoked',
  'journal_settings',
  'rotation',
  'export',
  'medical_key_created',
  'medical_key_granted',
] as const;
export const JournalEvent = z.enum(JOURNAL_EVENTS);
export type JournalEvent = z.infer<typeof JournalEvent>;

/** One line of the access journal: ids, collection names and counts, never personal content. */
export const JournalEntry = z.object({
  id: z.number().int().min(1),
  at: z.string(),
  actorId: uuid,
  event: JournalEvent,
  subjectId: uuid.nullable(),
  collections: z.array(z.string()),
  count: z.number().int().min(0),
});
export type JournalEntry = z.infer<typeof JournalEntry>;

export const JOURNAL_PAGE_MAX = 200;
export const JournalQuery = z.object({
  /** Entries older than this id (the last one of the previous page). */
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(JOURNAL_PAGE_MAX).default(100),
});
export const JournalResponse = z.object({
  entries: z.array(JournalEntry),
  retentionMonths: z.number().int(),
});
export type JournalResponse = z.infer<typeof JournalResponse>;
export const JournalSettingsRequest = z.object({ retentionMonths: z.number().int().min(1).max(120) });

/** The organisation keys sealed to the caller, every version (a device meeting an unknown key version reloads them). */
export const KeysResponse = z.object({ keys: z.array(SealedKey) });
export type KeysResponse = z.infer<typeof KeysResponse>;

// Member exit and key rotation (docs/decisions/011-member-exit-and-key-rotation.md).

/** Where one key kind stands: its current version and how many records still use an older one. */
export const RotationKindStatus = z.object({
  kind: KeyKind,
  /** 0: the kind has no key yet (the medical key before the first health professional, decision 017). */
  currentVersion: z.number().int().min(0),
  /** A revoked member held the current version: a new version must be published. */
  rotationNeeded: z.boolean(),
  /** Records (deleted ones included) encrypted under this kind. */
  total: z.number().int().min(0),
  /** Of those, how many are still under a version older than the current one. */
  remaining: z.number().int().min(0),
});
export type RotationKindStatus = z.infer<typeof RotationKindStatus>;

/** An active member who must receive the new version of each kind listed. */
export const RotationRecipient = z.object({ userId: uuid, publicKey: b64(32), kinds: z.array(KeyKind).min(1) });
export type RotationRecipient = z.infer<typeof RotationRecipient>;

export const RotationStatus = z.object({ kinds: z.array(RotationKindStatus), recipients: z.array(RotationRecipient) });
export type RotationStatus = z.infer<typeof RotationStatus>;

export const MAX_ROTATION_RECIPIENTS = 1000;

/** New key versions (current + 1), each sealed to every recipient of its kind and to no one else. */
export const PublishKeysRequest = z.object({
  keys: z
    .array(
      z.object({
        kind: KeyKind,
        version: z.number().int().min(2),
        sealed: z.array(z.object({ userId: uuid, sealed: b64(512) })).min(1).max(MAX_ROTATION_RECIPIENTS),
      }),
    )
    .min(1)
    .max(KEY_KINDS.length),
});
export type PublishKeysRequest = z.infer<typeof PublishKeysRequest>;

/** A page of the records of one kind still under an older key version, in sequence order. */
export const RotationPageQuery = z.object({
  kind: KeyKind,
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PUSH_CHANGES).default(MAX_PUSH_CHANGES),
  protocol: z.coerce.number().int().default(PROTOCOL_VERSION),
});
export const RotationPage = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  currentVersion: z.number().int().min(1),
  records: z.array(RemoteRecord),
  /** Sequence to pass as `since` for the next page. */
  next: z.number().int().min(0),
  more: z.boolean(),
  /** Counted when the page was read: records of the kind, and those still under an older version. */
  total: z.number().int().min(0),
  remaining: z.number().int().min(0),
});
export type RotationPage = z.infer<typeof RotationPage>;

/** A record re-encrypted under the current key version, as it was read at `version`. */
export const Rewrap = z.object({
  collection: CollectionName,
  id: uuid,
  version: z.number().int().min(1),
  keyVersion: z.number().int().min(1),
  ciphertext: b64(MAX_RECORD_BYTES),
});
export type Rewrap = z.infer<typeof Rewrap>;

export const RewrapRequest = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  items: z.array(Rewrap).min(1).max(MAX_PUSH_CHANGES),
});
export type RewrapRequest = z.infer<typeof RewrapRequest>;

export const RewrapResult = z.discriminatedUnion('status', [
  /** Stored as a new version and sequence (members pull it); author and edit time are kept. */
  z.object({ collection: CollectionName, id: uuid, status: z.literal('rewrapped'), version: z.number().int(), seq: z.number().int() }),
  /** Already under this key version or a newer one (a retried batch, or a member wrote it meanwhile). */
  z.object({ collection: CollectionName, id: uuid, status: z.literal('unchanged') }),
  /** Edited since it was read: nothing written; it comes back later in the pass at its new sequence. */
  z.object({ collection: CollectionName, id: uuid, status: z.literal('stale'), version: z.number().int() }),
]);
export type RewrapResult = z.infer<typeof RewrapResult>;
export const RewrapResponse = z.object({ protocol: z.literal(PROTOCOL_VERSION), results: z.array(RewrapResult) });
export type RewrapResponse = z.infer<typeof RewrapResponse>;

// Medical key custody (docs/decisions/017-medical-key-custody.md): only health professionals hold
// the medical key; the first one creates it, holders seal it to the others.

/** An active health professional who lacks medical key versions the caller holds. */
export const MedicalKeyPendingMember = z.object({ userId: uuid, publicKey: b64(32), missing: z.array(z.number().int().min(1)).min(1) });
export type MedicalKeyPendingMember = z.infer<typeof MedicalKeyPendingMember>;

/** What a health professional's device must do about the medical key: create it, or seal it to others. */
export const MedicalKeyState = z.object({
  /** The highest medical key version (0: none yet). */
  currentVersion: z.number().int().min(0),
  /** No active member holds the current version: the caller creates version `currentVersion + 1`. */
  bootstrapNeeded: z.boolean(),
  /** Empty unless the caller holds the current version. */
  pending: z.array(MedicalKeyPendingMember),
});
export type MedicalKeyState = z.infer<typeof MedicalKeyState>;

/** A new medical key version (current + 1), sealed to the caller and optionally to other active health professionals. */
export const MedicalKeyBootstrapRequest = z.object({
  version: z.number().int().min(1),
  sealed: z.array(z.object({ userId: uuid, sealed: b64(512) })).min(1).max(MAX_ROTATION_RECIPIENTS),
});
export type MedicalKeyBootstrapRequest = z.infer<typeof MedicalKeyBootstrapRequest>;

/** Medical key versions the caller holds, sealed to active health professionals who lack them. */
export const MedicalKeyGrantsRequest = z.object({
  grants: z.array(z.object({ userId: uuid, version: z.number().int().min(1), sealed: b64(512) })).min(1).max(MAX_ROTATION_RECIPIENTS),
});
export type MedicalKeyGrantsRequest = z.infer<typeof MedicalKeyGrantsRequest>;

/** Every wire schema, by name: pinned by protocol.test.ts and published in the OpenAPI document. */
export const WIRE_SCHEMAS = {
  ErrorResponse,
  HealthResponse,
  CreateOrganisationRequest,
  SessionResponse,
  PreloginRequest,
  PreloginResponse,
  LoginRequest,
  RecoveryOpenRequest,
  RecoveryOpenResponse,
  RecoveryResetRequest,
  CreateInvitationRequest,
  CreateInvitationResponse,
  OpenInvitationRequest,
  OpenInvitationResponse,
  AcceptInvitationRequest,
  ConfirmMemberRequest,
  UpdateMemberRequest,
  MembersResponse,
  CreateTeamRequest,
  UpdateTeamRequest,
  SetTeamMembersRequest,
  TeamsResponse,
  PushRequest,
  PushResponse,
  PullQuery,
  PullResponse,
  Me,
  JournalQuery,
  JournalResponse,
  JournalSettingsRequest,
  KeysResponse,
  RotationStatus,
  PublishKeysRequest,
  RotationPageQuery,
  RotationPage,
  RewrapRequest,
  RewrapResponse,
  MedicalKeyState,
  MedicalKeyBootstrapRequest,
  MedicalKeyGrantsRequest,
} as const;
