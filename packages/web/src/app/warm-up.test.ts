import { describe, expect, it, vi } from 'vitest';

describe('warmUpRendering', () => {
  it('lays out a hidden sample once and leaves nothing behind', async () => {
    vi.resetModules();
    const { warmUpRendering } = await import('./warm-up.ts');
    const appended: Node[] = [];
    const append = vi.spyOn(document.body, 'append').mockImplementation(function (this: HTMLElement, ...nodes: (Node | string)[]) {
      for (const node of nodes) if (typeof node !== 'string') appended.push(node);
      HTMLElement.prototype.append.apply(this, nodes);
    });
    const before = document.body.innerHTML;
    warmUpRendering();
    warmUpRendering();
    expect(appended).toHaveLength(1);
    const host = appended[0] as HTMLElement;
    expect(host.getAttribute('aria-hidden')).toBe('true');
    expect(host.style.visibility).toBe('hidden');
    for (const selector of ['.app-header .session-actions', '.main-nav .bottom-bar .nav-icon', '.main-nav .admin-links', '.sync-bar .pill', '.shell-body', '.person-row .badge.team', '.person-file .file-nav', '.person-file .alert-banner h2']) {
      expect(host.querySelector(selector), selector).not.toBeNull();
    }
    expect(host.isConnected).toBe(false);
    expect(document.body.innerHTML).toBe(before);
    append.mockRestore();
  });

  it('does nothing once the unlocked app is on the page', async () => {
    vi.resetModules();
    const { warmUpRendering } = await import('./warm-up.ts');
    const header = document.createElement('header');
    header.className = 'app-header';
    document.body.append(header);
    const append = vi.spyOn(document.body, 'append');
    warmUpRendering();
    expect(append).not.toHaveBeenCalled();
    header.remove();
    append.mockRestore();
  });
});
