import type { Role } from '@relais/core/protocol';

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrateur',
  member: 'Membre',
  restricted: 'Accès restreint',
  stats: 'Statistiques seulement',
};

export const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[]).map((value) => ({ value, label: ROLE_LABELS[value] }));

export const STATUS_LABELS = {
  pending: 'En attente de confirmation',
  active: 'Actif',
  revoked: 'Révoqué',
} as const;
