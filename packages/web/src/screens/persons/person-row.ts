// One row of the person list, written as DOM (the list's rows live outside React: windowed-rows.ts).
// A row reused for another person keeps its elements and has their text changed: new elements cost
// a slow phone a style computation each, a changed text only its layout. Text goes in as text only:
// a name is never read as markup.
import { ageLabel } from '@relais/core/domain/age';
import { personPaths } from './paths.ts';

export interface PersonRowItem {
  id: string;
  pending: boolean;
  summary: {
    name: string;
    otherNames: string;
    birthDate: string;
    teamIds: string[];
    highlyVulnerable: boolean;
    outOfActiveList: boolean;
    alerts: boolean;
  };
}

export interface PersonRowContext {
  /** Persons with a value set aside by a conflict. */
  conflicted: ReadonlySet<string>;
  teamNames: ReadonlyMap<string, string>;
  /** Local date (YYYY-MM-DD) ages are counted at. */
  today: string;
}

/** A piece of a row: its class (null: none), its text, and whether assistive technologies skip it. */
interface Part {
  className: string | null;
  text: string;
  hidden?: boolean;
  /** A sign shown before the text, skipped by assistive technologies (« ⚠ »). */
  sign?: string;
}

/** The elements of a row, kept to be patched when the row shows another person. */
interface RowParts {
  link: HTMLAnchorElement;
  name: HTMLSpanElement;
  meta: HTMLSpanElement;
  badges: HTMLSpanElement;
}

const parts = new WeakMap<HTMLLIElement, RowParts>();

function span(className: string): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  return element;
}

function partsOf(row: HTMLLIElement): RowParts {
  let found = parts.get(row);
  if (found && found.link.parentNode === row) return found;
  const link = document.createElement('a');
  link.className = 'person-row';
  found = { link, name: span('person-name'), meta: span('person-meta'), badges: span('badges') };
  link.append(found.name, found.meta, found.badges);
  row.replaceChildren(link);
  parts.set(row, found);
  return found;
}

/** What each span shows, to change only spans that show something else. */
const shown = new WeakMap<Element, string>();

/** Makes `container`'s children the spans `wanted` describes, reusing the spans it has. */
function patchSpans(container: HTMLElement, wanted: readonly Part[]): void {
  const children = container.children;
  while (children.length > wanted.length) children[children.length - 1]!.remove();
  for (let i = 0; i < wanted.length; i++) {
    const part = wanted[i]!;
    let element = children[i];
    if (!element) {
      element = document.createElement('span');
      container.append(element);
    }
    const signature = `${part.className ?? ''}\n${part.sign ?? ''}\n${part.text}\n${part.hidden ? 1 : 0}`;
    if (shown.get(element) === signature) continue;
    shown.set(element, signature);
    element.className = part.className ?? '';
    element.textContent = part.text;
    if (part.sign) {
      const sign = document.createElement('span');
      sign.setAttribute('aria-hidden', 'true');
      sign.textContent = part.sign;
      element.prepend(sign);
    }
    if (part.hidden) element.setAttribute('aria-hidden', 'true');
    else element.removeAttribute('aria-hidden');
  }
}

function metaParts(otherNames: string, age: string): Part[] {
  const wanted: Part[] = [];
  if (otherNames) wanted.push({ className: 'other-names', text: otherNames });
  if (otherNames && age) wanted.push({ className: null, text: ' · ', hidden: true });
  if (age) wanted.push({ className: 'age', text: age });
  return wanted;
}

function badgeParts(item: PersonRowItem, context: PersonRowContext): Part[] {
  const { summary } = item;
  const wanted: Part[] = [];
  if (summary.alerts) wanted.push({ className: 'badge alert-badge', text: 'Alerte', sign: '⚠ ' });
  if (summary.highlyVulnerable) wanted.push({ className: 'badge danger', text: 'Très vulnérable' });
  if (summary.outOfActiveList) wanted.push({ className: 'badge muted', text: 'Hors file active' });
  if (context.conflicted.has(item.id)) wanted.push({ className: 'badge warning', text: 'Conflit' });
  if (item.pending) wanted.push({ className: 'badge', text: 'Non synchronisée' });
  for (const id of summary.teamIds) {
    const team = context.teamNames.get(id);
    if (team) wanted.push({ className: 'badge team', text: team });
  }
  return wanted;
}

/** Fills `row` with the person's link: name, other names and age, then badges (alert, vulnerability, out of the active list, conflict, not synced, teams). */
export function fillPersonRow(row: HTMLLIElement, item: PersonRowItem, context: PersonRowContext): void {
  const { summary } = item;
  const { link, name, meta, badges } = partsOf(row);
  const href = personPaths.person(item.id);
  if (link.getAttribute('href') !== href) link.setAttribute('href', href);
  const shownName = summary.name || '(sans nom)';
  if (name.textContent !== shownName) name.textContent = shownName;
  const metaWanted = metaParts(summary.otherNames, ageLabel(summary.birthDate, context.today));
  patchSpans(meta, metaWanted);
  meta.hidden = metaWanted.length === 0;
  patchSpans(badges, badgeParts(item, context));
}
