// When a row leaves a list (an action marked done leaves « En retard »), the button that was
// pressed leaves with it and focus would fall back to the page. Focus then goes to the row that
// took its place, or the screen's title when the list is empty.

/** How long to watch for the row to go: the index change arrives after the write resolves. */
const WATCH_MS = 3000;

/** Call before the change; run the returned function once the write is done. */
export function refocusAfterRemoval(from: Element | null): () => void {
  const row = from?.closest('li') ?? null;
  const list = row?.parentElement ?? null;
  const index = row && list ? Array.prototype.indexOf.call(list.children, row) : -1;
  return () => {
    if (!row) return;
    const until = performance.now() + WATCH_MS;
    const check = () => {
      if (row.isConnected) {
        if (performance.now() < until) requestAnimationFrame(check);
        return;
      }
      // Someone moved focus meanwhile: leave it where they put it.
      if (document.activeElement && document.activeElement !== document.body) return;
      const rows = list?.isConnected ? list.children : null;
      const next = rows && rows.length > 0 ? rows[Math.min(index, rows.length - 1)] : null;
      const target = next?.querySelector<HTMLElement>('a, button') ?? document.querySelector<HTMLElement>('h1');
      target?.focus();
    };
    requestAnimationFrame(check);
  };
}
