import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { VirtualList } from './VirtualList.tsx';
import { reactRootPerTest } from '../../test/react-root.ts';

const dom = reactRootPerTest();

// jsdom has no layout: the list's position relative to the viewport is simulated.
let listTop = 0;

beforeEach(() => {
  listTop = 0;
  HTMLUListElement.prototype.getBoundingClientRect = function () {
    return { top: listTop, bottom: 0, left: 0, right: 0, height: 0, width: 0, x: 0, y: listTop, toJSON: () => ({}) } as DOMRect;
  };
  Object.defineProperty(window, 'innerHeight', { configurable: true, value: 740 });
});

const items = Array.from({ length: 10_000 }, (_, i) => ({ id: `a${i}`, title: `Action ${i}` }));
const key = (item: { id: string }) => item.id;
const height = () => 100;

function renderList() {
  act(() =>
    dom.root.render(
      <VirtualList
        items={items}
        itemKey={key}
        itemHeight={height}
        label="Actions"
        renderItem={(item) => <a href={`/actions/${item.id}`}>{item.title}</a>}
      />,
    ),
  );
}

async function scrollTo(top: number) {
  listTop = -top;
  await act(async () => {
    window.dispatchEvent(new Event('scroll'));
    await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
  });
}

const rendered = () => [...dom.container.querySelectorAll('li')].map((li) => li.textContent);

describe('VirtualList', () => {
  it('puts only the rows near the viewport in the DOM, with the full size for assistive tech', () => {
    renderList();
    const rows = rendered();
    expect(rows[0]).toBe('Action 0');
    expect(rows.length).toBeLessThan(30);
    const list = dom.container.querySelector('ul')!;
    expect(list.getAttribute('aria-label')).toBe('Actions');
    expect(list.style.height).toBe('1000000px');
    expect(dom.container.querySelector('li')!.getAttribute('aria-setsize')).toBe('10000');
  });

  it('follows the scroll', async () => {
    renderList();
    await scrollTo(500_000);
    const rows = rendered();
    expect(rows).toContain('Action 5000');
    expect(rows).not.toContain('Action 0');
    const li = [...dom.container.querySelectorAll('li')].find((l) => l.textContent === 'Action 5000')!;
    expect(li.getAttribute('aria-posinset')).toBe('5001');
    expect(li.style.transform).toBe('translateY(500000px)');
  });

  it('keeps the focused row rendered, in order, when it scrolls away', async () => {
    renderList();
    const link = dom.container.querySelector<HTMLAnchorElement>('a[href="/actions/a3"]')!;
    act(() => link.focus());
    await scrollTo(800_000);
    const rows = rendered();
    expect(rows[0]).toBe('Action 3');
    expect(rows).toContain('Action 8000');
    expect(document.activeElement).toBe(link);
  });
});
