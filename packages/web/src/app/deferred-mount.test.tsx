import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { reactRootPerTest } from '../test/react-root.ts';
import { DeferredMount } from './deferred-mount.ts';

describe('DeferredMount', () => {
  const t = reactRootPerTest();

  it('commits the fallback first and renders its children in a later pass, once', () => {
    // What the page showed when the children rendered: the fallback, already committed.
    const shownAtRender: string[] = [];
    function App() {
      shownAtRender.push(t.container.textContent ?? '');
      return <p>prêt</p>;
    }
    const tree = (
      <DeferredMount fallback={<p>Ouverture…</p>}>
        <App />
      </DeferredMount>
    );
    act(() => t.root.render(tree));
    expect(shownAtRender).toEqual(['Ouverture…']);
    expect(t.container.textContent).toBe('prêt');
    // Rendered again, it stays on its children.
    act(() => t.root.render(tree));
    expect(t.container.textContent).toBe('prêt');
    expect(shownAtRender).toEqual(['Ouverture…']);
  });
});
