import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOCK_AFTER_MS, InactivityWatcher, LOCK_AFTER_KEY, lockAfterMs } from './inactivity.ts';

afterEach(() => {
  localStorage.clear();
  vi.useRealTimers();
});

describe('lockAfterMs', () => {
  it('defaults to 15 minutes and honours only shorter delays', () => {
    expect(lockAfterMs()).toBe(DEFAULT_LOCK_AFTER_MS);
    localStorage.setItem(LOCK_AFTER_KEY, '3000');
    expect(lockAfterMs()).toBe(3000);
    localStorage.setItem(LOCK_AFTER_KEY, String(DEFAULT_LOCK_AFTER_MS * 4));
    expect(lockAfterMs()).toBe(DEFAULT_LOCK_AFTER_MS);
    localStorage.setItem(LOCK_AFTER_KEY, 'abc');
    expect(lockAfterMs()).toBe(DEFAULT_LOCK_AFTER_MS);
  });
});

describe('InactivityWatcher', () => {
  it('fires after the delay without input, and input pushes it back', async () => {
    vi.useFakeTimers();
    const idle = vi.fn();
    const watcher = new InactivityWatcher(2000, idle);
    watcher.start();
    await vi.advanceTimersByTimeAsync(1500);
    window.dispatchEvent(new KeyboardEvent('keydown'));
    await vi.advanceTimersByTimeAsync(1500);
    expect(idle).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(idle).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(5000);
    expect(idle).toHaveBeenCalledOnce();
    watcher.stop();
  });
});
