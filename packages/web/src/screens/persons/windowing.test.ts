import { describe, expect, it } from 'vitest';
import { buildOffsets, indexAt, nextIndex, revealDelta, totalHeight, uniformOffsets, visibleRange } from './windowing.ts';

describe('buildOffsets / indexAt', () => {
  it('gives rows of one height the same offsets by the fast path as by the general one', () => {
    for (const count of [0, 1, 7, 5_000]) expect(uniformOffsets(count, 84)).toEqual(buildOffsets(count, () => 84));
  });

  it('sums variable heights and finds the row under a position', () => {
    const heights = [10, 20, 30, 40];
    const offsets = buildOffsets(heights.length, (i) => heights[i]!);
    expect(Array.from(offsets)).toEqual([0, 10, 30, 60, 100]);
    expect(totalHeight(offsets)).toBe(100);
    expect(indexAt(offsets, 0)).toBe(0);
    expect(indexAt(offsets, 9.9)).toBe(0);
    expect(indexAt(offsets, 10)).toBe(1);
    expect(indexAt(offsets, 59)).toBe(2);
    expect(indexAt(offsets, 60)).toBe(3);
    expect(indexAt(offsets, 1_000)).toBe(3);
    expect(indexAt(offsets, -5)).toBe(0);
  });

  it('agrees with a linear scan on 5,000 rows of random heights', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const heights = Array.from({ length: 5_000 }, () => 40 + Math.floor(rand() * 60));
    const offsets = buildOffsets(heights.length, (i) => heights[i]!);
    for (let probe = 0; probe < 500; probe++) {
      const y = rand() * totalHeight(offsets);
      let linear = 0;
      while (linear + 1 < heights.length && offsets[linear + 1]! <= y) linear++;
      expect(indexAt(offsets, y)).toBe(linear);
    }
  });
});

describe('visibleRange', () => {
  const offsets = buildOffsets(5_000, () => 50);

  it('renders only the rows in the viewport plus the overscan', () => {
    expect(visibleRange(offsets, 0, 740, 5)).toEqual({ start: 0, end: 20 });
    const middle = visibleRange(offsets, 100_000, 100_740, 5);
    expect(middle).toEqual({ start: 1_995, end: 2_020 });
    expect(middle.end - middle.start).toBeLessThan(40);
    expect(visibleRange(offsets, 249_500, 250_240, 5)).toEqual({ start: 4_985, end: 5_000 });
  });

  it('keeps a few rows when the list is scrolled out of view', () => {
    expect(visibleRange(offsets, -2_000, -100, 5)).toEqual({ start: 0, end: 5 });
    expect(visibleRange(offsets, 300_000, 300_740, 5)).toEqual({ start: 4_995, end: 5_000 });
  });

  it('handles an empty list', () => {
    expect(visibleRange(buildOffsets(0, () => 50), 0, 740, 5)).toEqual({ start: 0, end: 0 });
  });
});

describe('revealDelta', () => {
  const offsets = buildOffsets(100, () => 50);
  it('scrolls the least to show a row', () => {
    expect(revealDelta(offsets, 3, 0, 500)).toBe(0);
    expect(revealDelta(offsets, 10, 0, 500)).toBe(50);
    expect(revealDelta(offsets, 2, 300, 500)).toBe(-200);
    // A row taller than the viewport aligns its top.
    const tall = buildOffsets(3, (i) => (i === 1 ? 1_000 : 50));
    expect(revealDelta(tall, 1, 0, 500)).toBe(50);
  });
});

describe('nextIndex', () => {
  it('moves within bounds', () => {
    expect(nextIndex('ArrowDown', 0, 10, 5)).toBe(1);
    expect(nextIndex('ArrowDown', 9, 10, 5)).toBe(9);
    expect(nextIndex('ArrowUp', 0, 10, 5)).toBe(0);
    expect(nextIndex('PageDown', 7, 10, 5)).toBe(9);
    expect(nextIndex('PageUp', 7, 10, 5)).toBe(2);
    expect(nextIndex('Home', 7, 10, 5)).toBe(0);
    expect(nextIndex('End', 2, 10, 5)).toBe(9);
    expect(nextIndex('End', 0, 0, 5)).toBe(0);
  });
});
