import { describe, expect, it } from 'vitest';
import { defaultTeam, resolveTeam } from './team-choice.ts';

const teams = [
  { id: 'a', memberIds: ['u2'] },
  { id: 'b', memberIds: ['u1', 'u2'] },
];

describe('team choice', () => {
  it('defaults to the member’s own team, then to the first team', () => {
    expect(defaultTeam(teams, 'u1')).toBe('b');
    expect(defaultTeam(teams, 'u9')).toBe('a');
    expect(defaultTeam([], 'u1')).toBe('');
  });

  it('keeps a chosen team only while it exists', () => {
    expect(resolveTeam(teams, 'u1', 'a')).toBe('a');
    expect(resolveTeam(teams, 'u1', 'gone')).toBe('b');
  });
});
