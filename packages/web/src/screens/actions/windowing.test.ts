import { describe, expect, it } from 'vitest';
import { rowAt, rowOffsets, visibleRange } from './windowing.ts';

describe('windowing', () => {
  const heights = [40, 80, 80, 40, 80, 80, 80];
  const offsets = rowOffsets(heights.length, (i) => heights[i]!);

  it('accumulates row tops', () => {
    expect([...offsets]).toEqual([0, 40, 120, 200, 240, 320, 400, 480]);
  });

  it('finds the row under a position', () => {
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 39.9)).toBe(0);
    expect(rowAt(offsets, 40)).toBe(1);
    expect(rowAt(offsets, 479)).toBe(6);
    expect(rowAt(offsets, 10_000)).toBe(6);
  });

  it('renders the rows crossing the viewport plus the overscan', () => {
    expect(visibleRange(offsets, 130, 100, 0)).toEqual({ start: 2, end: 4 });
    expect(visibleRange(offsets, 130, 100, 50)).toEqual({ start: 1, end: 5 });
    expect(visibleRange(offsets, -1000, 1200, 0)).toEqual({ start: 0, end: 3 });
  });

  it('keeps one row at the edge when the list is off screen, and none when empty', () => {
    expect(visibleRange(offsets, -5000, 700, 100)).toEqual({ start: 0, end: 1 });
    expect(visibleRange(offsets, 5000, 700, 100)).toEqual({ start: 6, end: 7 });
    expect(visibleRange(rowOffsets(0, () => 10), 0, 700, 100)).toEqual({ start: 0, end: 0 });
  });

  it('stays small for a long list', () => {
    const many = rowOffsets(10_000, () => 88);
    const { start, end } = visibleRange(many, 88 * 5000, 740, 600);
    expect(end - start).toBeLessThan(30);
    expect(start).toBeLessThanOrEqual(5000);
    expect(end).toBeGreaterThan(5008);
  });
});
