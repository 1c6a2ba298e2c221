// A list that keeps only the rows near the viewport in the DOM, so 5,000 persons cost the same as
// 30. The page itself scrolls (one scroll on a phone, no nested scroll box); rows keep their
// natural height, measured once rendered. Arrow keys, Page Up/Down, Home and End move focus from
// row to row, bringing rows that are not yet rendered into the DOM first.
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { buildOffsets, isNavigationKey, nextIndex, revealDelta, totalHeight, visibleRange, type Range } from './windowing.ts';

const OVERSCAN = 8;

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
  const [measured, setMeasured] = useState(0);
  // A first screenful and the overscan: the rows that will be kept once the real range is known
  // (mounting more only to drop them in the next pass is the list's first long task).
  const [range, setRange] = useState<Range>(() => ({ start: 0, end: Math.min(items.length, Math.ceil(window.innerHeight / estimatedHeight) + OVERSCAN) }));
  const pendingFocus = useRef<number | null>(null);

  const offsets = useMemo(
    () => buildOffsets(items.length, (i) => heights.current.get(itemKey(items[i]!)) ?? estimatedHeight),
    // `measured` changes when a row's real height is known.
    [items, itemKey, estimatedHeight, measured],
  );
  const offsetsRef = useRef(offsets);
  offsetsRef.current = offsets;

  const updateRange = useCallback(() => {
    const list = listRef.current;
    if (!list) return;
    const top = -list.getBoundingClientRect().top;
    const next = visibleRange(offsetsRef.current, top, top + window.innerHeight, OVERSCAN);
    setRange((current) => (sameRange(current, next) ? current : next));
  }, []);

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

  // Positions moved (new items, new measurements): the visible rows may be others now.
  useLayoutEffect(updateRange, [offsets, updateRange]);

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
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
    if (changed) setMeasured((n) => n + 1);
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
      setMeasured((n) => n + 1);
    });
    observer.observe(list);
    return () => observer.disconnect();
  }, []);

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
    window.scrollBy(0, revealDelta(offsetsRef.current, target, top, window.innerHeight));
    pendingFocus.current = target;
    updateRange();
  };

  const start = Math.min(range.start, items.length);
  const end = Math.min(range.end, items.length);
  const rows: ReactNode[] = [];
  for (let index = start; index < end; index++) {
    const item = items[index]!;
    const key = itemKey(item);
    rows.push(
      <li key={key} data-key={key} data-index={index} aria-posinset={index + 1} aria-setsize={items.length}>
        {renderItem(item, index)}
      </li>,
    );
  }
  return (
    <ul
      ref={listRef}
      className={className}
      aria-label={label}
      onKeyDown={onKeyDown}
      style={{ paddingTop: offsets[start] ?? 0, paddingBottom: Math.max(0, totalHeight(offsets) - (offsets[end] ?? 0)) }}
    >
      {rows}
    </ul>
  );
}

/** Re-renders only when its items or row renderer change, not with every render of the screen around it. */
export const VirtualList = memo(VirtualListImpl) as typeof VirtualListImpl;
