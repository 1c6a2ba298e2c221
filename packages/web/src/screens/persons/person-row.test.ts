import { describe, expect, it } from 'vitest';
import { fillPersonRow, type PersonRowItem } from './person-row.ts';

const base: PersonRowItem = {
  id: '0b7d3c4e-9d61-4f4a-9b1e-4a0d3c2b1a00',
  pending: false,
  summary: { name: 'Hélène Diallo', otherNames: '', birthDate: '', teamIds: [], highlyVulnerable: false, outOfActiveList: false, alerts: false },
};
const context = { conflicted: new Set<string>(), teamNames: new Map([['t1', 'Maraude nord']]), today: '2026-11-24' };

function row(item: PersonRowItem, ctx = context): HTMLLIElement {
  const li = document.createElement('li');
  fillPersonRow(li, item, ctx);
  return li;
}

describe('fillPersonRow', () => {
  it('links to the file with the name, then other names and age', () => {
    const li = row({ ...base, summary: { ...base.summary, otherNames: 'Lili', birthDate: '1980-11-25' } });
    const link = li.querySelector('a')!;
    expect(link.getAttribute('href')).toBe(`/personnes/${base.id}`);
    expect(link.querySelector('.person-name')!.textContent).toBe('Hélène Diallo');
    expect(link.querySelector('.person-meta')!.textContent).toBe('Lili · 45 ans');
    expect(link.querySelector('[aria-hidden="true"]')!.textContent).toBe(' · ');
    expect(link.querySelector('.badges')!.childElementCount).toBe(0);
  });

  it('shows every badge that applies, team names resolved, unknown teams left out', () => {
    const li = row(
      { ...base, pending: true, summary: { ...base.summary, alerts: true, highlyVulnerable: true, outOfActiveList: true, teamIds: ['t1', 'gone'] } },
      { ...context, conflicted: new Set([base.id]) },
    );
    const badges = [...li.querySelectorAll('.badge')].map((b) => b.textContent);
    expect(badges).toEqual(['⚠ Alerte', 'Très vulnérable', 'Hors file active', 'Conflit', 'Non synchronisée', 'Maraude nord']);
  });

  it('writes names as text, never as markup, and names nobody « (sans nom) »', () => {
    const li = row({ ...base, summary: { ...base.summary, name: '<img src=x onerror=alert(1)>' } });
    expect(li.querySelector('img')).toBeNull();
    expect(li.querySelector('.person-name')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(row({ ...base, summary: { ...base.summary, name: '' } }).querySelector('.person-name')!.textContent).toBe('(sans nom)');
  });

  it('shows another person in the same elements when the row is reused, leaving nothing of the first', () => {
    const li = row({ ...base, summary: { ...base.summary, alerts: true, otherNames: 'Lili', teamIds: ['t1'] } });
    const link = li.querySelector('a')!;
    const name = li.querySelector('.person-name')!;
    const other = { ...base, id: 'other', summary: { ...base.summary, name: 'Benoît', highlyVulnerable: true } };
    fillPersonRow(li, other, context);
    expect(li.querySelector('a')).toBe(link);
    expect(li.querySelector('.person-name')).toBe(name);
    expect(link.getAttribute('href')).toBe('/personnes/other');
    expect((li.querySelector('.person-meta') as HTMLElement).hidden).toBe(true);
    expect([...li.querySelectorAll('.badge')].map((b) => [b.className, b.textContent])).toEqual([['badge danger', 'Très vulnérable']]);
    expect(li.querySelector('[aria-hidden="true"]')).toBeNull();
    // And back: the alert's sign comes back, hidden from assistive technologies.
    fillPersonRow(li, { ...base, summary: { ...base.summary, alerts: true } }, context);
    expect(li.querySelector('.alert-badge')!.textContent).toBe('⚠ Alerte');
    expect(li.querySelector('.alert-badge [aria-hidden="true"]')!.textContent).toBe('⚠ ');
  });
});
