// A React root on a fresh container for each test of a file (jsdom), unmounted after it. Tests only.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}

/** Registers the per-test root; `container` and `root` are read inside the tests. */
export function reactRootPerTest(): { readonly container: HTMLDivElement; readonly root: Root } {
  const current = {} as { container: HTMLDivElement; root: Root };
  beforeEach(() => {
    globalThis.IS_REACT_ACT_ENVIRONMENT = true;
    current.container = document.createElement('div');
    document.body.append(current.container);
    current.root = createRoot(current.container);
  });
  afterEach(() => {
    act(() => current.root.unmount());
    current.container.remove();
  });
  return current;
}
