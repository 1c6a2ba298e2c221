// A list that keeps only the rows near the viewport in the DOM, so 5,000 persons cost the same as
// 30. The page itself scrolls (one scroll on a phone, no nested scroll box); rows keep their
// natural height, measured once rendered. Arrow keys, Page Up/Down, Home and End move focus from
// row to row, bringing rows that are not yet rendered into the DOM first.
import { memo, useCallback, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import { buildOffsets, isNavigationKey, nextIndex, revealDelta, totalHeight, visibleRange, type Range } from './windowing.ts';

/** Rows kept beyond each edge of the viewport (fast scrolling; arrow keys render what they need). */
const OVERSCAN = 5;

interface VirtualListProps<T> {
  items: readonly T[];
  itemKey: (item: T) => string;
  /** The row's content; its first link or button is what takes focus. */
  renderItem: (item: T, index: number) => ReactNode;
  /** Height of a row before it has been measured, in px. */
  estimatedHeight: number;
  label: string;
  className?: string;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start === b.start && a.end === b.end;
}

function VirtualListImpl<T>({ items, itemKey, renderItem, estimatedHeight, label, className }: VirtualListProps<T>) {
  const listRef = useRef<HTMLUListElement>(null);
  const heights = useRef(new Map<string, number>());
  // Bumped when every measurement is stale (the width changed): the rows are measured again.
  const [widthGeneration, setWidthGeneration] = useState(0);
  // A first screenful and the overscan: the rows that will be kept once the real range is known
  // (mounting more only to drop them in the next pass is the list's first long task).
  const [range, setRange] = useState<Range>(() => ({ start: 0, end: Math.min(items.length, Math.ceil(window.innerHeight / estimatedHeight)) }));
  // The first rows shown are only those on screen; the overscan follows once they are painted, so
  // that the list's first appearance is one short task, not one long one.
  const [overscan, setOverscan] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  /** The item whose row holds the focus, to keep it there when rows are patched in place. */
  const focusedKey = useRef<string | null>(null);

  // Row positions: rebuilt when the items change; new measurements update them in the layout
  // effect below without another render (a keystroke in the search is one render, not three).
  const offsetsRef = useRef<{ items: readonly T[]; generation: number; offsets: Float64Array } | null>(null);
  const measure = useCallback(
    () => buildOffsets(items.length, (i) => heights.current.get(itemKey(items[i]!)) ?? estimatedHeight),
    [items, itemKey, estimatedHeight],
  );
  if (offsetsRef.current?.items !== items || offsetsRef.current.generation !== widthGeneration) {
    offsetsRef.current = { items, generation: widthGeneration, offsets: measure() };
  }

  /** The rows for the viewport, given the list's top relative to the viewport. */
  const rangeAt = useCallback(
    (listTop: number): Range => {
      const offsets = offsetsRef.current?.offsets ?? new Float64Array(1);
      return visibleRange(offsets, -listTop, -listTop + window.innerHeight, overscan);
    },
    [overscan],
  );

  const hasItems = items.length > 0;
  useLayoutEffect(() => {
    if (overscan > 0 || !hasItems) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setOverscan(OVERSCAN), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [overscan, hasItems]);

  const updateRange = useCallback(() => {
    const list = listRef.current;
    if (!list) return;
    const next = rangeAt(list.getBoundingClientRect().top);
    setRange((current) => (sameRange(current, next) ? current : next));
  }, [rangeAt]);

  useLayoutEffect(() => {
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        updateRange();
      });
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
    };
  }, [updateRange]);

  // After every commit, in one layout: measure the rendered rows and where the list is, then
  // place the rows (padding) and render again only if other rows must show.
  useLayoutEffect(() => {
    const list = listRef.current;
    const current = offsetsRef.current;
    if (!list || !current) return;
    const listTop = list.getBoundingClientRect().top;
    let changed = false;
    for (const row of Array.from(list.children) as HTMLElement[]) {
      const key = row.dataset.key;
      if (!key) continue;
      const height = row.offsetHeight;
      if (height > 0 && Math.abs((heights.current.get(key) ?? -1) - height) > 0.5) {
        heights.current.set(key, height);
        changed = true;
      }
    }
    if (changed) current.offsets = measure();
    const { offsets } = current;
    const start = Math.min(range.start, items.length);
    const end = Math.min(range.end, items.length);
    // The list's own padding does not move its top: the position read above stays true.
    list.style.paddingTop = `${offsets[start] ?? 0}px`;
    list.style.paddingBottom = `${Math.max(0, totalHeight(offsets) - (offsets[end] ?? 0))}px`;
    const next = rangeAt(listTop);
    if (!sameRange(range, next)) {
      setRange(next);
      return;
    }
    // Rows are keyed by position (below): an item that moved while its row had the focus (a sync
    // inserted someone above) takes the focus with it to its new row.
    const active = document.activeElement;
    const focusedRow = active instanceof HTMLElement && list.contains(active) ? active.closest<HTMLElement>('[data-key]') : null;
    if (focusedRow && focusedKey.current !== null && focusedRow.dataset.key !== focusedKey.current) {
      const moved = (Array.from(list.children) as HTMLElement[]).find((row) => row.dataset.key === focusedKey.current);
      moved?.querySelector<HTMLElement>('a, button')?.focus();
    }
    const target = pendingFocus.current;
    if (target === null) return;
    const focusable = list.querySelector<HTMLElement>(`[data-index="${target}"] :is(a, button)`);
    if (focusable) {
      pendingFocus.current = null;
      focusable.focus();
    }
  });

  // Text reflows when the width changes (rotation, zoom): every measurement is stale.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list || typeof ResizeObserver === 'undefined') return;
    let width = list.clientWidth;
    const observer = new ResizeObserver(() => {
      if (list.clientWidth === width) return;
      width = list.clientWidth;
      heights.current.clear();
      setWidthGeneration((n) => n + 1);
    });
    observer.observe(list);
    return () => observer.disconnect();
  }, []);

  const onFocus = (event: FocusEvent<HTMLUListElement>) => {
    focusedKey.current = (event.target as HTMLElement).closest<HTMLElement>('[data-key]')?.dataset.key ?? null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!isNavigationKey(event.key) || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    const list = listRef.current;
    if (!row || !list) return;
    event.preventDefault();
    const pageSize = Math.max(1, Math.floor(window.innerHeight / estimatedHeight) - 1);
    const target = nextIndex(event.key, Number(row.dataset.index), items.length, pageSize);
    const rendered = list.querySelector<HTMLElement>(`[data-index="${target}"] :is(a, button)`);
    if (rendered) {
      rendered.focus(); // the browser scrolls it into view
      return;
    }
    // Not in the DOM yet: scroll it into the window, render, then focus (layout effect above).
    const top = -list.getBoundingClientRect().top;
    window.scrollBy(0, revealDelta(offsetsRef.current!.offsets, target, top, window.innerHeight));
    pendingFocus.current = target;
    updateRange();
  };

  const start = Math.min(range.start, items.length);
  const end = Math.min(range.end, items.length);
  const rows: ReactNode[] = [];
  for (let index = start; index < end; index++) {
    const item = items[index]!;
    const key = itemKey(item);
    // Keyed by position, not by item: a search typed key by key patches the same rows' text
    // instead of unmounting and mounting them all (the keystroke's main cost on a slow phone).
    rows.push(
      <li key={index} data-key={key} data-index={index} aria-posinset={index + 1} aria-setsize={items.length}>
        {renderItem(item, index)}
      </li>,
    );
  }
  return (
    <ul ref={listRef} className={className} aria-label={label} onKeyDown={onKeyDown} onFocus={onFocus}>
      {rows}
    </ul>
  );
}

/** Re-renders only when its items or row renderer change, not with every render of the screen around it. */
export const VirtualList = memo(VirtualListImpl) as typeof VirtualListImpl;
