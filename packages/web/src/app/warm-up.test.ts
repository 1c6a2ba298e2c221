import { describe, expect, it, vi } from 'vitest';

describe('warmUpRendering', () => {
  it('lays out the hidden samples once, one part per call, and leaves nothing behind', async () => {
    vi.resetModules();
    const { warmUpRendering } = await import('./warm-up.ts');
    const appended: Node[] = [];
    const append = vi.spyOn(document.body, 'append').mockImplementation(function (this: HTMLElement, ...nodes: (Node | string)[]) {
      for (const node of nodes) if (typeof node !== 'string') appended.push(node);
      HTMLElement.prototype.append.apply(this, nodes);
    });
    const before = document.body.innerHTML;
    expect(warmUpRendering('shell')).toBe(true);
    expect(appended).toHaveLength(1);
    expect(warmUpRendering('shell')).toBe(true);
    expect(warmUpRendering('shell')).toBe(false);
    expect(warmUpRendering('file')).toBe(true);
    expect(warmUpRendering('file')).toBe(false);
    expect(appended).toHaveLength(3);
    const [frame, list, file] = appended as HTMLElement[];
    for (const host of [frame!, list!, file!]) {
      expect(host.getAttribute('aria-hidden')).toBe('true');
      expect(host.style.visibility).toBe('hidden');
      expect(host.isConnected).toBe(false);
    }
    for (const selector of ['.app-header .session-actions', '.main-nav .bottom-bar .nav-icon', '.main-nav .admin-links', '.sync-bar .pill']) {
      expect(frame!.querySelector(selector), selector).not.toBeNull();
    }
    for (const selector of ['.shell-body .persons-screen .search', '.person-row .badge.team', '.person-row .badge.alert-badge']) {
      expect(list!.querySelector(selector), selector).not.toBeNull();
    }
    for (const selector of ['.shell-body .person-file .file-nav', '.person-file .alert-banner h2', '.person-file .person-summary .badge']) {
      expect(file!.querySelector(selector), selector).not.toBeNull();
    }
    expect(document.body.innerHTML).toBe(before);
    append.mockRestore();
  });

  it('lays out one part per idle moment, then stops', async () => {
    vi.resetModules();
    const { warmUpWhenIdle } = await import('./warm-up.ts');
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    const append = vi.spyOn(document.body, 'append');
    warmUpWhenIdle('shell', 200);
    expect(append).not.toHaveBeenCalled();
    idle.shift()!();
    expect(append).toHaveBeenCalledTimes(1);
    idle.shift()!();
    expect(append).toHaveBeenCalledTimes(2);
    // One more moment learns that nothing is left, and asks for none after it.
    idle.shift()!();
    expect(append).toHaveBeenCalledTimes(2);
    expect(idle).toHaveLength(0);
    append.mockRestore();
    vi.unstubAllGlobals();
  });

  it.each([
    { sample: 'shell', className: 'app-header', when: 'the unlocked app rendered' },
    { sample: 'shell', className: 'narrow opening', when: 'the keys are in, the app is opening' },
    { sample: 'file', className: 'person-file', when: 'a file rendered' },
  ] as const)('leaves the $sample sample alone once .$className is on the page ($when)', async ({ sample, className }) => {
    vi.resetModules();
    const { warmUpRendering } = await import('./warm-up.ts');
    const screen = document.createElement('main');
    screen.className = className;
    document.body.append(screen);
    const append = vi.spyOn(document.body, 'append');
    expect(warmUpRendering(sample)).toBe(false);
    expect(append).not.toHaveBeenCalled();
    screen.remove();
    append.mockRestore();
  });
});
