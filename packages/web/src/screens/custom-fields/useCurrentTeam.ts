// The team a member works for in this session (chosen on the activity screens, else their own
// first team): custom fields enabled for some teams only follow it.
import { useMe, useTeams } from '../../data/hooks.ts';
import { resolveTeam, useChosenTeam } from '../activity/team-choice.ts';

export function useCurrentTeam(): string {
  const teams = useTeams();
  const me = useMe();
  const [chosen] = useChosenTeam();
  return resolveTeam(teams, me.user.id, chosen);
}
