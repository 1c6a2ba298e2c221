// Windowing math for long lists: rows have variable heights (measured once rendered, estimated
// before), so positions come from a prefix sum and lookups are binary searches. Pure, so it is
// tested without a DOM.

/** offsets[i] = top of row i; offsets[count] = total height. */
export function buildOffsets(count: number, heightAt: (index: number) => number): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i]! + heightAt(i);
  return offsets;
}

/** The offsets of `count` rows of one height: no row measured yet (a list's first appearance, 5,000 persons). */
export function uniformOffsets(count: number, height: number): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let i = 1; i <= count; i++) offsets[i] = i * height;
  return offsets;
}

export function totalHeight(offsets: Float64Array): number {
  return offsets[offsets.length - 1] ?? 0;
}

/** The row that contains the vertical position `y` (clamped to the list). */
export function indexAt(offsets: Float64Array, y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (offsets[mid]! <= y) low = mid;
    else high = mid - 1;
  }
  return low;
}

export interface Range {
  /** First rendered row. */
  start: number;
  /** One past the last rendered row. */
  end: number;
}

/**
 * Rows to render for a viewport spanning [top, bottom) in list coordinates, plus `overscan` rows
 * on each side so that Tab and fast scrolling find the next row already in the DOM.
 */
export function visibleRange(offsets: Float64Array, top: number, bottom: number, overscan: number): Range {
  const count = offsets.length - 1;
  if (count <= 0 || bottom <= 0 || top >= totalHeight(offsets)) {
    // The list is off screen: keep a few rows so the page is never empty for a screen reader.
    const edge = top >= totalHeight(offsets) ? Math.max(0, count - overscan) : 0;
    return { start: edge, end: Math.min(count, edge + overscan) };
  }
  const first = indexAt(offsets, Math.max(0, top));
  const last = indexAt(offsets, Math.max(0, bottom - 1));
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + 1 + overscan) };
}

/**
 * The smallest scroll change that brings row `index` fully into a viewport of `height` whose top is
 * at `top` (list coordinates); 0 when it is already visible.
 */
export function revealDelta(offsets: Float64Array, index: number, top: number, height: number): number {
  const rowTop = offsets[index] ?? 0;
  const rowBottom = offsets[index + 1] ?? rowTop;
  if (rowTop < top) return rowTop - top;
  if (rowBottom > top + height) return Math.min(rowTop - top, rowBottom - (top + height));
  return 0;
}

export type NavigationKey = 'ArrowDown' | 'ArrowUp' | 'Home' | 'End' | 'PageDown' | 'PageUp';

const NAVIGATION_KEYS: readonly string[] = ['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp'];

export function isNavigationKey(key: string): key is NavigationKey {
  return NAVIGATION_KEYS.includes(key);
}

/** Where focus goes from row `current` on a key press, in a list of `count` rows. */
export function nextIndex(key: NavigationKey, current: number, count: number, pageSize: number): number {
  if (count === 0) return 0;
  const page = Math.max(1, pageSize);
  const target = {
    ArrowDown: current + 1,
    ArrowUp: current - 1,
    Home: 0,
    End: count - 1,
    PageDown: current + page,
    PageUp: current - page,
  }[key];
  return Math.min(count - 1, Math.max(0, target));
}
