// How a line of the access journal reads in French: who did what, on which collections.
import { collectionLabel } from '@relais/core/collections';
import type { JournalEntry, JournalEvent } from '@relais/core/protocol';

const EVENTS: Record<JournalEvent, string> = {
  login: "s'est connecté(e)",
  logout: "s'est déconnecté(e)",
  recovery: 'a réinitialisé son mot de passe avec le code de secours',
  pull: 'a reçu',
  push: 'a envoyé',
  member_confirmed: 'a confirmé le membre',
  member_changed: 'a modifié le rôle du membre',
  member_revoked: "a retiré l'accès du membre",
  journal_settings: 'a changé la durée de conservation du journal',
  rotation: 'a renouvelé les clés de chiffrement',
  export: 'a exporté des données',
  medical_key_created: 'a créé la clé du dossier médical',
  medical_key_granted: 'a transmis la clé du dossier médical à',
};

export const RETENTION_CHOICES = [1, 3, 6, 12, 24, 36, 60, 120] as const;

export function retentionLabel(months: number): string {
  if (months % 12 === 0) return months === 12 ? '1 an' : `${months / 12} ans`;
  return `${months} mois`;
}

export function describeEntry(entry: JournalEntry, name: (id: string) => string): string {
  const who = name(entry.actorId);
  const what = EVENTS[entry.event];
  if (entry.event === 'pull' || entry.event === 'push') {
    const records = entry.count === 1 ? '1 fiche chiffrée' : `${entry.count.toLocaleString('fr-FR')} fiches chiffrées`;
    const collections = entry.collections.map(collectionLabel).join(', ');
    return `${who} ${what} ${records}${collections ? ` (${collections})` : ''}`;
  }
  if (entry.subjectId) return `${who} ${what} ${name(entry.subjectId)}`;
  return `${who} ${what}`;
}
