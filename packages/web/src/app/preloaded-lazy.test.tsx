import { act, Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { reactRootPerTest } from '../test/react-root.ts';
import { preloadedLazy, type PreloadedLazy } from './preloaded-lazy.ts';

function Content({ text }: { text: string }) {
  return <p>{text}</p>;
}

/** Every state the container showed, one per commit (MutationObserver records read after each act). */
function recorder(container: HTMLElement): { seen: string[]; stop: () => void } {
  const seen: string[] = [];
  const observer = new MutationObserver(() => seen.push(container.textContent ?? ''));
  observer.observe(container, { childList: true, subtree: true, characterData: true });
  return { seen, stop: () => observer.disconnect() };
}

function inSuspense(entry: PreloadedLazy<{ text: string }>) {
  return (
    <Suspense fallback={<p>Ouverture…</p>}>
      <entry.Component text="prêt" />
    </Suspense>
  );
}

describe('preloadedLazy', () => {
  const t = reactRootPerTest();

  it('renders a component loaded ahead in the first commit, never its fallback', async () => {
    let loads = 0;
    const entry = preloadedLazy(() => {
      loads += 1;
      return Promise.resolve({ default: Content });
    });
    await entry.load();
    const { seen, stop } = recorder(t.container);
    act(() => t.root.render(inSuspense(entry)));
    // Synchronously after the first render: no microtask, no retry, no timer.
    expect(t.container.textContent).toBe('prêt');
    await Promise.resolve();
    stop();
    expect(seen.some((s) => s.includes('Ouverture'))).toBe(false);
    expect(loads).toBe(1);
  });

  it('shows the fallback while a component not loaded yet loads, then the component, loading once', async () => {
    let loads = 0;
    let resolve!: (m: { default: typeof Content }) => void;
    const entry = preloadedLazy(() => {
      loads += 1;
      return new Promise<{ default: typeof Content }>((r) => (resolve = r));
    });
    act(() => t.root.render(inSuspense(entry)));
    expect(t.container.textContent).toBe('Ouverture…');
    void entry.load();
    expect(loads).toBe(1);
    await act(async () => resolve({ default: Content }));
    await act(() => new Promise((r) => setTimeout(r, 400)));
    expect(t.container.textContent).toBe('prêt');
  });
});
