import { describe, expect, it } from 'vitest';
import { agendaToday } from '@relais/core/domain/agenda';
import { actionsHref, agendaFilters, categoryGroupsWith, DEFAULT_QUERY, parseActionsQuery } from './filters.ts';

const TEAM_A = '0190a0b0-0000-7000-8000-000000000001';
const TEAM_B = '0190a0b0-0000-7000-8000-000000000002';
const TODAY = '2026-11-23';
const emptySummary = {
  title: '',
  status: 'todo' as const,
  dueDate: '',
  dueTime: '',
  urgent: false,
  categories: [] as string[],
  personIds: [] as string[],
  teamIds: [] as string[],
  completedAt: '',
  seriesId: '',
  occurrenceDate: '',
  createdAt: '',
};

describe('actions query', () => {
  it('defaults to today with no filter', () => {
    expect(parseActionsQuery('')).toEqual(DEFAULT_QUERY);
    expect(actionsHref(DEFAULT_QUERY)).toBe('/actions');
  });

  it('round-trips view, filters and week', () => {
    const query = { view: 'week' as const, teamId: TEAM_A, category: 'Santé / soins', week: '2026-11-23' };
    const href = actionsHref(query);
    expect(href.startsWith('/actions?vue=semaine&')).toBe(true);
    expect(parseActionsQuery(href.slice('/actions'.length))).toEqual(query);
  });

  it('drops the week outside the week view and ignores malformed values', () => {
    expect(actionsHref({ ...DEFAULT_QUERY, view: 'late', week: '2026-11-23' })).toBe('/actions?vue=en-retard');
    expect(parseActionsQuery('?vue=nimporte&semaine=2026-13-01')).toEqual(DEFAULT_QUERY);
  });
});

describe('agendaFilters', () => {
  const item = (id: string, teamIds: string[], categories: string[]) => ({
    id,
    summary: { ...emptySummary, title: id, dueDate: TODAY, teamIds, categories },
  });
  const actions = [item('a', [TEAM_A], ['Logement', 'Santé']), item('b', [TEAM_B], ['Santé']), item('c', [TEAM_A, TEAM_B], [])];
  const ids = (teamId: string, category: string) =>
    agendaToday({ today: TODAY, actions, filters: agendaFilters({ teamId, category }) })
      .map((e) => e.key)
      .sort();

  it('keeps everything without a filter', () => {
    expect(agendaFilters({ teamId: '', category: '' })).toEqual({ teamIds: [], categories: [] });
    expect(ids('', '')).toEqual(['a', 'b', 'c']);
  });

  it('filters by team, by category, and by both at once', () => {
    expect(ids(TEAM_A, '')).toEqual(['a', 'c']);
    expect(ids(TEAM_B, '')).toEqual(['b', 'c']);
    expect(ids('', 'Santé')).toEqual(['a', 'b']);
    expect(ids('', 'Papiers')).toEqual([]);
    expect(ids(TEAM_B, 'Santé')).toEqual(['b']);
  });
});

describe('categoryGroupsWith', () => {
  it('adds categories still used but removed from the settings, and drops empty groups', () => {
    const groups = [
      { name: 'Santé', categories: ['Soins', 'Rendez-vous médical'] },
      { name: 'Vide', categories: [] },
    ];
    expect(categoryGroupsWith(groups, ['Soins', 'Ancienne', 'Ancienne', '', 'Ébauche'])).toEqual([
      { name: 'Santé', categories: ['Soins', 'Rendez-vous médical'] },
      { name: 'Autres catégories', categories: ['Ancienne', 'Ébauche'] },
    ]);
    expect(categoryGroupsWith(groups, ['Soins'])).toHaveLength(1);
  });
});
