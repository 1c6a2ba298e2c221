import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentArrival, navigate } from './router.tsx';

describe('router arrival', () => {
  // jsdom does not lay out, and says so at each scroll.
  beforeEach(() => vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined));
  afterEach(() => {
    navigate('/');
    vi.restoreAllMocks();
  });

  it('marks a navigation of the app as fresh and a « returning » one as a return', () => {
    navigate('/personnes/p1');
    expect(currentArrival()).toBe('fresh');
    navigate('/personnes', { returning: true });
    expect(currentArrival()).toBe('return');
    navigate('/actions');
    expect(currentArrival()).toBe('fresh');
  });

  it("records the browser's back as a return before any screen hears of it", async () => {
    navigate('/personnes');
    navigate('/personnes/p1');
    expect(currentArrival()).toBe('fresh');
    // A listener added after the router's, as a screen's would be: the mark is already there.
    const seen = vi.fn(() => currentArrival());
    window.addEventListener('popstate', seen);
    history.back();
    await vi.waitFor(() => expect(seen).toHaveBeenCalled());
    window.removeEventListener('popstate', seen);
    expect(seen).toHaveReturnedWith('return');
    expect(location.pathname).toBe('/personnes');
  });

  it('leaves the arrival alone when the address does not change', () => {
    navigate('/personnes', { returning: true });
    navigate('/personnes');
    expect(currentArrival()).toBe('return');
  });
});
