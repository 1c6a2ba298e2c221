// What the Members screen shows about a key rotation, as a pure state machine fed by the page-side
// client (rotation/client.ts): checking the server's status, publishing the new key versions,
// re-encrypting (with per-kind counts from the driver, and « En attente du réseau » while it
// retries), finished, blocked (a kind this administrator does not hold) or failed.
import type { KeyKind } from '@relais/core/protocol';
import type { RotationProgress } from '@relais/core/rotation/driver';

export interface KindCount {
  done: number;
  total: number;
  failed: number;
}

export type RotationView =
  /** Nothing known yet, or nothing to do. */
  | { phase: 'idle' }
  | { phase: 'checking' }
  | { phase: 'publishing' }
  /** `blocked`: kinds left to an administrator who holds them (see the `blocked` phase). */
  | { phase: 'running'; kinds: Partial<Record<KeyKind, KindCount>>; blocked: KeyKind[]; offline: boolean }
  | { phase: 'finished'; kinds: Partial<Record<KeyKind, KindCount>>; blocked: KeyKind[] }
  /** Kinds that need work this administrator cannot do (they do not hold the key). */
  | { phase: 'blocked'; kinds: KeyKind[] }
  | { phase: 'failed'; message: string };

export type RotationEvent =
  | { type: 'checking' }
  /** The server says nothing is due and nothing is left under an older version. */
  | { type: 'nothingToDo' }
  | { type: 'publishing' }
  /** The re-encryption starts (or resumes) on these kinds, with the server's counts. */
  | { type: 'started'; kinds: Partial<Record<KeyKind, KindCount>>; blocked: KeyKind[] }
  | { type: 'progress'; progress: RotationProgress }
  /** The driver could not reach the server and will try again. */
  | { type: 'offline' }
  | { type: 'finished' }
  | { type: 'blocked'; kinds: KeyKind[] }
  | { type: 'failed'; message: string };

export const IDLE: RotationView = { phase: 'idle' };

export function advance(view: RotationView, event: RotationEvent): RotationView {
  switch (event.type) {
    case 'checking':
      // A check while the re-encryption runs would hide its progress, one after it its result: they stay.
      return view.phase === 'running' || view.phase === 'publishing' || view.phase === 'finished' ? view : { phase: 'checking' };
    case 'nothingToDo':
      return view.phase === 'running' || view.phase === 'finished' ? view : IDLE;
    case 'publishing':
      return { phase: 'publishing' };
    case 'started':
      return { phase: 'running', kinds: { ...event.kinds }, blocked: [...event.blocked], offline: false };
    case 'progress': {
      // Late messages from a Worker that was told to stop are not progress of anything shown.
      if (view.phase !== 'running') return view;
      const { kind, done, total, failed } = event.progress;
      return { ...view, kinds: { ...view.kinds, [kind]: { done, total, failed } }, offline: false };
    }
    case 'offline':
      return view.phase === 'running' ? { ...view, offline: true } : view;
    case 'finished':
      // The driver's last report of each kind (an empty page) holds the final counts.
      return view.phase === 'running' ? { phase: 'finished', kinds: view.kinds, blocked: view.blocked } : view;
    case 'blocked':
      return { phase: 'blocked', kinds: [...event.kinds] };
    case 'failed':
      return { phase: 'failed', message: event.message };
  }
}

/** Records of every kind together: what the progress bar shows. */
export function totals(kinds: Partial<Record<KeyKind, KindCount>>): KindCount {
  const sum: KindCount = { done: 0, total: 0, failed: 0 };
  for (const [, count] of entries(kinds)) {
    sum.done += count.done;
    sum.total += count.total;
    sum.failed += count.failed;
  }
  return sum;
}

const number = (n: number) => n.toLocaleString('fr-FR');

/** « Renouvellement des clés : 12 000 / 100 000 fiches » */
export function progressLabel(count: KindCount): string {
  return `Renouvellement des clés : ${number(count.done)} / ${number(count.total)} ${count.total > 1 ? 'fiches' : 'fiche'}`;
}

/** The sentence under the bar, or null when there is nothing to add. */
export function statusText(view: RotationView): string | null {
  switch (view.phase) {
    case 'idle':
      return null;
    case 'checking':
      return 'Vérification du renouvellement des clés…';
    case 'publishing':
      return 'Création des nouvelles clés pour les membres actifs…';
    case 'running':
      return view.offline
        ? 'En attente du réseau : le rechiffrement reprendra dès que le serveur sera joignable.'
        : "Rechiffrement des fiches en cours. L'application reste utilisable pendant ce temps.";
    case 'finished': {
      const { done, failed } = totals(view.kinds);
      const text = `Renouvellement des clés terminé : ${number(done)} ${done > 1 ? 'fiches' : 'fiche'} sous les nouvelles clés.`;
      return [text, failed === 0 ? null : failedText(failed), view.blocked.length === 0 ? null : blockedText(view.blocked)].filter((part) => part !== null).join(' ');
    }
    case 'blocked':
      return blockedText(view.kinds);
    case 'failed':
      return view.message;
  }
}

/**
 * One line for the status bar of a health professional whose device re-encrypts the dossier
 * médical in the background (decision 017), or null when there is nothing to say.
 */
export function backgroundLine(view: RotationView): string | null {
  switch (view.phase) {
    case 'publishing':
      return 'Renouvellement de la clé du dossier médical…';
    case 'running': {
      const label = progressLabel(totals(view.kinds));
      return view.offline ? `${label} (en attente du réseau)` : label;
    }
    case 'finished':
    case 'failed':
      return statusText(view);
    default:
      return null;
  }
}

export function failedText(failed: number): string {
  return failed === 1
    ? "1 fiche n'a pas pu être ouverte sur cet appareil et reste sous l'ancienne clé."
    : `${number(failed)} fiches n'ont pas pu être ouvertes sur cet appareil et restent sous l'ancienne clé.`;
}

/** The medical key is re-encrypted by a health professional's device (decision 017), not by an administrator. */
export const MEDICAL_ELSEWHERE = "Le dossier médical sera chiffré à nouveau par un professionnel de santé de l'organisation à sa prochaine connexion.";

function blockedText(kinds: readonly KeyKind[]): string {
  const general = kinds.includes('general') ? "Le renouvellement de la clé générale doit être fait par un administrateur qui détient cette clé." : null;
  return [general, kinds.includes('medical') ? MEDICAL_ELSEWHERE : null].filter((part) => part !== null).join(' ');
}

function entries(kinds: Partial<Record<KeyKind, KindCount>>): [KeyKind, KindCount][] {
  return Object.entries(kinds) as [KeyKind, KindCount][];
}
