// Which rows of a long list to put in the DOM: only those near the viewport. Heights are known per
// row (rows have a fixed height per kind), so positions are exact and no measuring is needed.

/** offsets[i] = top of row i; offsets[n] = total height. */
export function rowOffsets(count: number, heightOf: (index: number) => number): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i]! + heightOf(i);
  return offsets;
}

/** Index of the row that contains `y` (clamped to the list). */
export function rowAt(offsets: Float64Array, y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Rows [start, end) to render when the list's visible part runs from `top` to `top + height`
 * (in list coordinates, possibly negative or past the end), with `overscan` pixels on each side
 * so that Tab always reaches a rendered next row and fast scrolling shows no gap.
 */
export function visibleRange(offsets: Float64Array, top: number, height: number, overscan: number): { start: number; end: number } {
  const count = offsets.length - 1;
  const total = offsets[count] ?? 0;
  if (count <= 0) return { start: 0, end: 0 };
  const from = Math.max(0, top - overscan);
  const to = Math.min(total, top + height + overscan);
  // Off screen: keep one row at the edge facing the viewport so keyboard focus can enter the list.
  if (to <= 0) return { start: 0, end: 1 };
  if (from >= total) return { start: count - 1, end: count };
  const start = rowAt(offsets, from);
  const end = Math.min(count, rowAt(offsets, Math.max(from, to - 0.001)) + 1);
  return { start, end };
}
