// The team a member works with today, shared by every activity screen so it is chosen once.
// Kept in memory only: nothing about the session is left in clear on the device.
import { useSyncExternalStore } from 'react';

let chosen = '';
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setChosenTeam(teamId: string): void {
  if (teamId === chosen) return;
  chosen = teamId;
  for (const listener of listeners) listener();
}

/** The member's own first team, else the organisation's first team, else ''. */
export function defaultTeam(teams: readonly { id: string; memberIds: readonly string[] }[], userId: string): string {
  return (teams.find((t) => t.memberIds.includes(userId)) ?? teams[0])?.id ?? '';
}

/** The chosen team if it still exists, else the default one. */
export function resolveTeam(teams: readonly { id: string; memberIds: readonly string[] }[], userId: string, current: string): string {
  return teams.some((t) => t.id === current) ? current : defaultTeam(teams, userId);
}

export function useChosenTeam(): string {
  return useSyncExternalStore(subscribe, () => chosen);
}
