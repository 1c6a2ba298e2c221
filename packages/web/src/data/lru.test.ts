import { describe, expect, it } from 'vitest';
import { Lru } from './lru.ts';

describe('Lru', () => {
  it('evicts the least recently used entry, a read making an entry recent', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect(lru.has('b')).toBe(false);
    expect([lru.get('a'), lru.get('c'), lru.size]).toEqual([1, 3, 2]);
  });

  it('refreshes only what it holds, without making it recent', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.refresh('a', 10);
    lru.refresh('z', 26);
    expect(lru.has('z')).toBe(false);
    lru.set('c', 3);
    expect(lru.has('a')).toBe(false);
    expect(lru.get('b')).toBe(2);
    expect(() => new Lru(0)).toThrow(RangeError);
  });
});
