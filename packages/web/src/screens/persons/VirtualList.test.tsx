import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { VirtualList } from './VirtualList.tsx';
import { OVERSCAN } from './windowed-rows.ts';
import { reactRootPerTest } from '../../test/react-root.ts';

const dom = reactRootPerTest();

// jsdom has no layout: the page's scroll position and the list's box are simulated.
let scrollY = 0;

beforeEach(() => {
  scrollY = 0;
  Object.defineProperty(window, 'scrollY', { configurable: true, get: () => scrollY });
  window.scrollBy = ((_x: number, y: number) => {
    scrollY = Math.max(0, scrollY + y);
  }) as typeof window.scrollBy;
  HTMLUListElement.prototype.getBoundingClientRect = function () {
    return { top: -scrollY, bottom: 0, left: 0, right: 0, height: 0, width: 0, x: 0, y: -scrollY, toJSON: () => ({}) } as DOMRect;
  };
});

const items = Array.from({ length: 5_000 }, (_, i) => ({ id: `p${i}`, name: `Personne ${i}` }));

/** Rows as the person list writes them: DOM, not React. */
function renderRow(row: HTMLLIElement, item: { id: string; name: string }) {
  const link = document.createElement('a');
  link.href = `/personnes/${item.id}`;
  link.textContent = item.name;
  row.replaceChildren(link);
}

function renderList(list: readonly { id: string; name: string }[] = items) {
  act(() =>
    dom.root.render(
      <VirtualList
        items={list}
        itemKey={(item) => item.id}
        estimatedHeight={80}
        label="Liste des personnes"
        renderRow={renderRow}
      />,
    ),
  );
  return dom.container.querySelector('ul')!;
}

function press(key: string) {
  act(() => {
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
}

describe('VirtualList', () => {
  it('keeps only the rows near the viewport in the DOM, with their position in the whole list', () => {
    const list = renderList();
    const rows = list.querySelectorAll('li');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(list.getAttribute('aria-label')).toBe('Liste des personnes');
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('5000');
    expect(rows[0]!.getAttribute('aria-posinset')).toBe('1');
    // The space of the rows not rendered is kept, so the page scrolls over the whole list.
    expect(parseFloat(list.style.paddingBottom)).toBeGreaterThan(4_900 * 80);
  });

  it('moves focus with the keyboard, rendering rows that were not in the DOM', () => {
    const list = renderList();
    act(() => list.querySelector('a')!.focus());
    press('ArrowDown');
    expect(document.activeElement?.textContent).toBe('Personne 1');
    press('End');
    expect(document.activeElement?.textContent).toBe('Personne 4999');
    expect(list.querySelectorAll('li').length).toBeLessThan(40);
    expect(scrollY).toBeGreaterThan(4_990 * 80 - 1_000);
    press('ArrowUp');
    expect(document.activeElement?.textContent).toBe('Personne 4998');
    press('Home');
    expect(document.activeElement?.textContent).toBe('Personne 0');
    expect(scrollY).toBe(0);
  });

  it('patches the rows in place when the items change (a search typed further), and the focus follows its item', () => {
    const list = renderList();
    const firstRow = list.querySelector('li')!;
    // Another result set: the same row elements show the new items.
    const found = items.filter((item) => item.name.endsWith('7'));
    renderList(found);
    expect(list.querySelector('li')).toBe(firstRow);
    expect(firstRow.textContent).toBe('Personne 7');
    expect(firstRow.getAttribute('aria-setsize')).toBe(String(found.length));

    // Focus on the third row, then someone is inserted above it: the focus moves with its person.
    act(() => list.querySelectorAll('a')[2]!.focus());
    expect(document.activeElement?.textContent).toBe('Personne 27');
    renderList([{ id: 'new', name: 'Nouvelle personne' }, ...found]);
    expect(document.activeElement?.textContent).toBe('Personne 27');
    expect(document.activeElement?.closest('li')?.getAttribute('aria-posinset')).toBe('4');
  });

  it('opens a row with a plain click inside the app; a click with a modifier is left to the browser', () => {
    const list = renderList();
    const link = list.querySelectorAll('a')[3]!;
    const modified = new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true });
    act(() => {
      link.dispatchEvent(modified);
    });
    expect(modified.defaultPrevented).toBe(false);
    const plain = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    act(() => {
      link.dispatchEvent(plain);
    });
    expect(plain.defaultPrevented).toBe(true);
    expect(location.pathname).toBe('/personnes/p3');
  });

  it('leaves no row behind when unmounted', () => {
    const list = renderList();
    expect(list.querySelectorAll('li').length).toBeGreaterThan(0);
    act(() => dom.root.render(<p />));
    expect(dom.container.querySelectorAll('li')).toHaveLength(0);
  });

  it('adds rows beyond the viewport once the first rows are painted, also when the items came after an empty list', async () => {
    const list = renderList([]);
    expect(list.querySelectorAll('li')).toHaveLength(0);
    renderList();
    const onScreen = list.querySelectorAll('li').length;
    await act(async () => {
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 10)));
    });
    expect(list.querySelectorAll('li').length).toBe(onScreen + OVERSCAN);
  });

  it('shows the rows of a shorter result set when the list was scrolled far down', () => {
    const list = renderList();
    act(() => list.querySelector('a')!.focus());
    press('End');
    expect(list.querySelectorAll('li').length).toBeGreaterThan(0);
    scrollY = 0;
    renderList(items.slice(0, 3));
    expect([...list.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Personne 0', 'Personne 1', 'Personne 2']);
  });

  it('follows the page’s scrolling once the first rows are painted', async () => {
    const list = renderList();
    const nextFrame = () => act(async () => {
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 10)));
    });
    await nextFrame();
    scrollY = 2_000 * 80;
    act(() => {
      window.dispatchEvent(new Event('scroll'));
    });
    await nextFrame();
    const shown = [...list.querySelectorAll('a')].map((a) => a.textContent);
    expect(shown).toContain('Personne 2000');
    expect(shown).not.toContain('Personne 0');
  });
});
