// The person list in React's tree: one <ul> whose rows are kept by WindowedRows (windowed-rows.ts),
// outside React, and whose links navigate inside the app.
import { memo, useLayoutEffect, useRef, type MouseEvent, type RefObject } from 'react';
import { isPlainClick, navigate } from '../../app/router.tsx';
import { WindowedRows, type RowRenderer } from './windowed-rows.ts';

interface VirtualListProps<T> {
  items: readonly T[];
  itemKey: (item: T) => string;
  /** Fills a row with an item's content (DOM, not React); its first link or button is what takes focus. */
  renderRow: RowRenderer<T>;
  /** Height of a row before it has been measured, in px. */
  estimatedHeight: number;
  label: string;
  className?: string;
  /**
   * The list's rows, for a screen that changes them between its renders (the person search, at
   * each key): items given to `setItems` there are then passed as `items` at the next render.
   */
  rowsRef?: RefObject<WindowedRows<T> | null>;
}

/** A plain click on a row's link opens it in the app, as the router's Link does. */
function followLink(event: MouseEvent<HTMLUListElement>): void {
  if (!isPlainClick(event)) return;
  const link = (event.target as Element).closest('a[href]');
  if (!link || !event.currentTarget.contains(link)) return;
  event.preventDefault();
  navigate(link.getAttribute('href')!);
}

function VirtualListImpl<T>({ items, itemKey, renderRow, estimatedHeight, label, className, rowsRef }: VirtualListProps<T>) {
  const listRef = useRef<HTMLUListElement>(null);
  const rows = useRef<WindowedRows<T> | null>(null);

  // One view for the list's life (its key and estimate do not change), made before the effect below runs.
  useLayoutEffect(() => {
    const view = new WindowedRows<T>(listRef.current!, { itemKey, estimatedHeight });
    rows.current = view;
    if (rowsRef) rowsRef.current = view;
    return () => {
      view.destroy();
      rows.current = null;
      if (rowsRef) rowsRef.current = null;
    };
  }, []);

  // In the commit of the render that brought the items: the rows change in the same task.
  useLayoutEffect(() => {
    rows.current?.setItems(items, renderRow);
  }, [items, renderRow]);

  return <ul ref={listRef} className={className} aria-label={label} onClick={followLink} />;
}

/** Re-renders only when its items or row renderer change, not with every render of the screen around it. */
export const VirtualList = memo(VirtualListImpl) as typeof VirtualListImpl;
