// Who did something, as a person reads it: « vous », a member's name when this device knows it
// (admins read the member list), otherwise « un autre membre ».
import { useMemo } from 'react';
import { useMe, useMemberNames } from './data.ts';

export type Who = (userId: string) => string;

export function useWho(): Who {
  const selfId = useMe().user.id;
  const names = useMemberNames();
  return useMemo(() => (userId: string) => (userId === selfId ? 'vous' : (names.get(userId) ?? (userId ? 'un autre membre' : 'un membre inconnu'))), [selfId, names]);
}
