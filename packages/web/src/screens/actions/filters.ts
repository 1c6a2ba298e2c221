// The actions list's view and filters live in the address (?vue=semaine&equipe=…&categorie=…&semaine=…)
// so that « Retour » from an action comes back to the same list, and a filtered view can be shared
// inside the team.
import type { AgendaFilters } from '@relais/core/domain/agenda';
import { isIsoDate } from '../../ui/dates.ts';

export const ACTION_VIEWS = ['today', 'late', 'upcoming', 'week'] as const;
export type ActionView = (typeof ACTION_VIEWS)[number];

export const VIEW_LABELS: Record<ActionView, string> = {
  today: "Aujourd'hui",
  late: 'En retard',
  upcoming: 'À venir',
  week: 'Semaine',
};

const VIEW_SLUGS: Record<ActionView, string> = { today: 'aujourdhui', late: 'en-retard', upcoming: 'a-venir', week: 'semaine' };

export interface ActionsQuery {
  view: ActionView;
  /** '' = every team. */
  teamId: string;
  /** '' = every category. */
  category: string;
  /** Any day of the week shown by « Semaine »; '' = this week. */
  week: string;
}

export const DEFAULT_QUERY: ActionsQuery = { view: 'today', teamId: '', category: '', week: '' };

export function parseActionsQuery(search: string): ActionsQuery {
  const params = new URLSearchParams(search);
  const slug = params.get('vue');
  const view = ACTION_VIEWS.find((v) => VIEW_SLUGS[v] === slug) ?? 'today';
  const week = params.get('semaine') ?? '';
  return {
    view,
    teamId: params.get('equipe') ?? '',
    category: params.get('categorie') ?? '',
    week: isIsoDate(week) ? week : '',
  };
}

export function actionsHref(query: ActionsQuery): string {
  const params = new URLSearchParams();
  if (query.view !== 'today') params.set('vue', VIEW_SLUGS[query.view]);
  if (query.teamId) params.set('equipe', query.teamId);
  if (query.category) params.set('categorie', query.category);
  if (query.view === 'week' && query.week) params.set('semaine', query.week);
  const text = params.toString();
  return text ? `/actions?${text}` : '/actions';
}

/** The query's filters as core's agenda takes them (empty choice = no filter). */
export function agendaFilters(query: Pick<ActionsQuery, 'teamId' | 'category'>): AgendaFilters {
  return { teamIds: query.teamId ? [query.teamId] : [], categories: query.category ? [query.category] : [] };
}

export interface CategoryGroup {
  name: string;
  categories: readonly string[];
}

/**
 * The groups offered in the category filter and pickers: the organisation's groups, plus
 * « Autres catégories » for categories still on actions but since removed from the settings, so
 * that an old value stays visible and filterable.
 */
export function categoryGroupsWith(groups: readonly CategoryGroup[], used: Iterable<string>): CategoryGroup[] {
  const known = new Set(groups.flatMap((g) => g.categories));
  const extra = [...new Set(used)].filter((c) => c && !known.has(c)).sort((a, b) => a.localeCompare(b, 'fr'));
  const result = groups.filter((g) => g.categories.length > 0).map((g) => ({ name: g.name, categories: [...g.categories] }));
  return extra.length > 0 ? [...result, { name: 'Autres catégories', categories: extra }] : result;
}
