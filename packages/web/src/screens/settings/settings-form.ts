// The settings form's model: what an administrator edits (lists as « one per line » text, the
// action categories in groups) and its conversion to and from the settings record. Pure, tested
// without rendering. Only the sections the administrator touched are written, so that another
// administrator's change to another section, synced meanwhile, is not put back.
import { SettingsFields, type Modules } from '@relais/core/domain/settings';

export interface GroupInput {
  name: string;
  /** One category per line. */
  categories: string;
}

export interface SettingsInput {
  groups: GroupInput[];
  services: string;
  outOfActiveListReasons: string;
  territoryTypes: string;
  nightTeamIds: string[];
  modules: Modules;
}

export type SettingsSection = keyof SettingsInput;
/** What a draft holds: the sections touched, each whole. */
export type SettingsDraft = Partial<SettingsInput>;
/** Error messages by form key: a section name, or `groups.<i>.name` / `groups.<i>.categories`. */
export type SettingsErrors = Record<string, string>;

type EditableFields = Omit<SettingsFields, 'createdAt' | 'createdBy' | 'deletedAt' | 'deletedBy'>;

export function toLines(list: readonly string[]): string {
  return list.join('\n');
}

/** Non-empty trimmed lines, in order, each once (a label typed twice is one option). */
export function fromLines(text: string): string[] {
  const seen = new Set<string>();
  for (const line of text.split('\n')) {
    const label = line.trim().replace(/\s+/g, ' ');
    if (label !== '') seen.add(label);
  }
  return [...seen];
}

export function toInput(settings: EditableFields): SettingsInput {
  return {
    groups: settings.actionCategoryGroups.map((g) => ({ name: g.name, categories: toLines(g.categories) })),
    services: toLines(settings.services),
    outOfActiveListReasons: toLines(settings.outOfActiveListReasons),
    territoryTypes: toLines(settings.territoryTypes),
    nightTeamIds: [...settings.nightTeamIds],
    modules: { ...settings.modules },
  };
}

export function withDraft(base: SettingsInput, draft: SettingsDraft | null): SettingsInput {
  return draft ? { ...base, ...draft } : base;
}

/**
 * The settings to write: the current ones with the touched sections replaced, checked by core's
 * schema. Errors are keyed for the form and in French.
 */
export function checkSettings(
  current: EditableFields,
  draft: SettingsDraft,
): { ok: true; fields: EditableFields } | { ok: false; errors: SettingsErrors } {
  const fields: EditableFields = { ...current };
  if (draft.groups) fields.actionCategoryGroups = draft.groups.map((g) => ({ name: g.name.trim(), categories: fromLines(g.categories) }));
  if (draft.services !== undefined) fields.services = fromLines(draft.services);
  if (draft.outOfActiveListReasons !== undefined) fields.outOfActiveListReasons = fromLines(draft.outOfActiveListReasons);
  if (draft.territoryTypes !== undefined) fields.territoryTypes = fromLines(draft.territoryTypes);
  if (draft.nightTeamIds) fields.nightTeamIds = [...new Set(draft.nightTeamIds)];
  if (draft.modules) fields.modules = { ...draft.modules };
  const parsed = SettingsFields.safeParse(fields);
  if (parsed.success) return { ok: true, fields };
  const errors: SettingsErrors = {};
  for (const issue of parsed.error.issues) {
    const key = formKey(issue.path);
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

const SECTION_OF: Record<string, SettingsSection> = {
  actionCategoryGroups: 'groups',
  services: 'services',
  outOfActiveListReasons: 'outOfActiveListReasons',
  territoryTypes: 'territoryTypes',
  nightTeamIds: 'nightTeamIds',
  modules: 'modules',
};

function formKey(path: readonly PropertyKey[]): string {
  const [field, index, part] = path;
  const section = SECTION_OF[String(field)] ?? '';
  if (section === 'groups' && typeof index === 'number') return `groups.${index}.${part === 'name' ? 'name' : 'categories'}`;
  return section;
}

/** Values still held by records but no longer offered: said next to the list, so nobody fears losing them. */
export function removedLabels(before: readonly string[], text: string): string[] {
  const after = new Set(fromLines(text));
  return before.filter((label) => !after.has(label));
}
