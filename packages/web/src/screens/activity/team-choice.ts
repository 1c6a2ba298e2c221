// The team a member works with today, shared by every activity screen so it is chosen once.
// Kept in the unlocked session's screen memory: gone at lock or logout, so the next person to
// sign in on this device starts from their own team.
import { useSyncExternalStore } from 'react';
import { useWorkspace } from '../../app/context.ts';
import { remembered } from '../../app/screen-memory.ts';

interface TeamChoice {
  chosen: string;
  listeners: Set<() => void>;
  subscribe: (listener: () => void) => () => void;
  set: (teamId: string) => void;
}

const MEMORY_KEY = 'activity.team';

function newTeamChoice(): TeamChoice {
  const choice: TeamChoice = {
    chosen: '',
    listeners: new Set(),
    subscribe(listener) {
      choice.listeners.add(listener);
      return () => choice.listeners.delete(listener);
    },
    set(teamId) {
      if (teamId === choice.chosen) return;
      choice.chosen = teamId;
      for (const listener of choice.listeners) listener();
    },
  };
  return choice;
}

/** The member's own first team, else the organisation's first team, else ''. */
export function defaultTeam(teams: readonly { id: string; memberIds: readonly string[] }[], userId: string): string {
  return (teams.find((t) => t.memberIds.includes(userId)) ?? teams[0])?.id ?? '';
}

/** The chosen team if it still exists, else the default one. */
export function resolveTeam(teams: readonly { id: string; memberIds: readonly string[] }[], userId: string, current: string): string {
  return teams.some((t) => t.id === current) ? current : defaultTeam(teams, userId);
}

/** The team chosen in this session ('' before any) and the way to change it. */
export function useChosenTeam(): [string, (teamId: string) => void] {
  const choice = remembered(useWorkspace().workspace.screenMemory, MEMORY_KEY, newTeamChoice);
  const chosen = useSyncExternalStore(choice.subscribe, () => choice.chosen);
  return [chosen, choice.set];
}
