// Opaque secrets handed to clients (session tokens, invitation secrets) have the form
// "<organisation id>.<32 random bytes, base64url>": the organisation id lets the server find the
// row by its primary key (which leads with organisation_id); only a SHA-256 of the random part is
// stored, which is enough for 256 bits of entropy.
import { createHash, randomBytes } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

export interface IssuedSecret {
  readonly text: string;
  readonly hash: Buffer;
}

export interface ParsedSecret {
  readonly organisationId: string;
  readonly hash: Buffer;
}

export function issueSecret(organisationId: string): IssuedSecret {
  const secret = randomBytes(32).toString('base64url');
  return { text: `${organisationId}.${secret}`, hash: sha256(secret) };
}

export function parseSecret(text: string): ParsedSecret | null {
  const dot = text.indexOf('.');
  if (dot < 0) return null;
  const organisationId = text.slice(0, dot);
  const secret = text.slice(dot + 1);
  if (!UUID.test(organisationId) || !SECRET.test(secret)) return null;
  return { organisationId, hash: sha256(secret) };
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
