// Errors that cross the Worker boundary. Structured clone keeps only the message of an Error, so
// each is sent as a plain description and rebuilt on the page with its class.
import { TransportError } from '@relais/core/sync/types';

export const VALIDATION_MESSAGE = 'Certains champs sont à corriger.';

/** A document refused by its core schema: one French message per field ('' key: the whole form). */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(readonly errors: Readonly<Record<string, string>>) {
    super(VALIDATION_MESSAGE);
  }
}

/** A French message meant for the person (a record that vanished, a record too large…). */
export class DataError extends Error {
  override readonly name = 'DataError';
}

/**
 * The data layer was locked or closed (keys wiped, or a workspace re-opening with new keys).
 * `untouched`: the request was refused before it ran, so nothing of it was written and it may be
 * sent again to the next workspace; false when it may have run (failed mid-way, or its answer lost).
 */
export class LockedError extends Error {
  override readonly name = 'LockedError';
  constructor(readonly untouched = false) {
    super('Relais est verrouillé.');
  }
}

export type WireError =
  | { kind: 'validation'; errors: Record<string, string> }
  | { kind: 'transport'; message: string; offline: boolean; status?: number; code?: string }
  | { kind: 'data'; message: string }
  | { kind: 'locked'; untouched: boolean }
  | { kind: 'other'; message: string };

export function toWire(error: unknown): WireError {
  if (error instanceof ValidationError) return { kind: 'validation', errors: { ...error.errors } };
  if (error instanceof TransportError) {
    const wire: WireError = { kind: 'transport', message: error.message, offline: error.offline };
    if (error.status !== undefined) wire.status = error.status;
    if (error.code !== undefined) wire.code = error.code;
    return wire;
  }
  if (error instanceof LockedError) return { kind: 'locked', untouched: error.untouched };
  if (error instanceof DataError) return { kind: 'data', message: error.message };
  // The engine's RecordTooLargeError carries a French message meant for the person.
  if (error instanceof Error && error.name === 'RecordTooLargeError') return { kind: 'data', message: error.message };
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}

export function fromWire(wire: WireError): Error {
  switch (wire.kind) {
    case 'validation':
      return new ValidationError(wire.errors);
    case 'transport':
      return new TransportError(wire.message, wire.offline, wire.status, wire.code);
    case 'data':
      return new DataError(wire.message);
    case 'locked':
      return new LockedError(wire.untouched);
    case 'other':
      return new Error(wire.message);
  }
}
