// Which teams to offer first: the user's own (the teams they belong to), then the others.
import type { Team } from '@relais/core/protocol';

/** The user's teams, or every team when they belong to none (an administrator, say). */
export function myTeams(teams: readonly Team[], userId: string): Team[] {
  const mine = teams.filter((t) => t.memberIds.includes(userId));
  return mine.length > 0 ? mine : [...teams];
}

/** The team a new comment or action belongs to by default. */
export function defaultTeamId(teams: readonly Team[], userId: string): string {
  return myTeams(teams, userId)[0]?.id ?? '';
}
