// A component in a chunk of its own that is usually loaded before it is first rendered (the
// unlocked app, loaded while the password is typed). React.lazy suspends at its first render even
// when the chunk is already in, and React 19 then holds the content back until 300 ms after the
// fallback showed (Suspense throttling of retries): traced on a warm start, the person list
// appeared ~120 ms after its index had arrived, with nothing else to do meanwhile.
import { createElement, lazy, useState, type ComponentType, type LazyExoticComponent } from 'react';

export interface PreloadedLazy<P extends object> {
  /** Renders the loaded component directly, or the lazy one (inside a Suspense) while it loads. */
  Component: ComponentType<P>;
  /** Starts loading (once); resolves with the module. */
  load: () => Promise<{ default: ComponentType<P> }>;
}

export function preloadedLazy<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): PreloadedLazy<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<{ default: ComponentType<P> }> | null = null;
  const start = () =>
    (loading ??= load().then((module) => {
      loaded = module.default;
      return module;
    }));
  const Lazy: LazyExoticComponent<ComponentType<P>> = lazy(start);
  function Preloaded(props: P) {
    // Chosen once per mount: the lazy component and the loaded one are different element types,
    // and switching between them would mount the subtree again.
    const [Chosen] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return createElement(Chosen, props);
  }
  return { Component: Preloaded, load: start };
}
