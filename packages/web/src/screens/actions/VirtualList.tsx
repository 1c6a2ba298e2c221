// A list that keeps only the rows near the viewport in the DOM, so thousands of actions scroll and
// filter smoothly on a cheap phone. The page itself scrolls (no inner scroll box: better on
// phones, and the browser's own keyboard scrolling keeps working). Screen readers still hear the
// full size through aria-setsize / aria-posinset, and the focused row stays rendered when it
// scrolls away, so keyboard focus is never dropped.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { rowOffsets, visibleRange } from './windowing.ts';

const OVERSCAN_PX = 600;

export interface VirtualListProps<T> {
  items: readonly T[];
  itemKey: (item: T) => string;
  /** Fixed pixel height of a row; rows must not grow past it (CSS clamps their content). */
  itemHeight: (item: T) => number;
  renderItem: (item: T) => ReactNode;
  /** Accessible name of the list. */
  label: string;
  className?: string;
  /** Extra class for a row, e.g. a day heading in the week view. */
  rowClass?: (item: T) => string | undefined;
}

export function VirtualList<T>({ items, itemKey, itemHeight, renderItem, label, className, rowClass }: VirtualListProps<T>) {
  const ref = useRef<HTMLUListElement>(null);
  const offsets = useMemo(() => rowOffsets(items.length, (i) => itemHeight(items[i]!)), [items, itemHeight]);
  const [range, setRange] = useState({ start: 0, end: Math.min(items.length, 30) });
  const [focused, setFocused] = useState<number | null>(null);

  const update = useCallback(() => {
    const list = ref.current;
    if (!list) return;
    const top = -list.getBoundingClientRect().top;
    const next = visibleRange(offsets, top, window.innerHeight, OVERSCAN_PX);
    setRange((r) => (r.start === next.start && r.end === next.end ? r : next));
  }, [offsets]);

  useLayoutEffect(update, [update]);
  useEffect(() => {
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        update();
      });
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [update]);

  const indexes: number[] = [];
  const end = Math.min(range.end, items.length);
  for (let i = Math.min(range.start, end); i < end; i++) indexes.push(i);
  // DOM order must follow list order for Tab, so the kept focused row goes in its place.
  if (focused !== null && focused < items.length && (focused < range.start || focused >= end)) {
    indexes.push(focused);
    indexes.sort((a, b) => a - b);
  }

  return (
    <ul
      ref={ref}
      className={className ? `ac-virtual-list ${className}` : 'ac-virtual-list'}
      aria-label={label}
      style={{ height: `${offsets[items.length] ?? 0}px` }}
      onFocus={(event) => {
        const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
        if (row) setFocused(Number(row.dataset.index));
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(null);
      }}
    >
      {indexes.map((i) => {
        const item = items[i]!;
        const extra = rowClass?.(item);
        return (
          <li
            key={itemKey(item)}
            data-index={i}
            aria-setsize={items.length}
            aria-posinset={i + 1}
            className={extra ? `ac-virtual-row ${extra}` : 'ac-virtual-row'}
            style={{ transform: `translateY(${offsets[i]!}px)`, height: `${offsets[i + 1]! - offsets[i]!}px` }}
          >
            {renderItem(item)}
          </li>
        );
      })}
    </ul>
  );
}
