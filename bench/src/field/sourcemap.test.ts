import { describe, expect, it } from 'vitest';
import { decodeMappings, SourceMap } from './sourcemap.ts';

describe('source map lookup', () => {
  // From the source map v3 specification's example: "AAAA,CAAC;AACA" and a name.
  it('decodes VLQ segments with relative fields', () => {
    expect(decodeMappings('AAAAA,CAAC;ACCA')).toEqual([
      [
        [0, 0, 0, 0, 0],
        [1, 0, 0, 1, undefined],
      ],
      [[0, 1, 1, 1, undefined]],
    ]);
    // Negative and multi-digit values: 'D' is -1, 'gB' is 16.
    expect(decodeMappings('gBAAD')[0]).toEqual([[16, 0, 0, -1, undefined]]);
  });

  it('finds the segment at or before a column, with its source and name', () => {
    const map = new SourceMap({ sources: ['../../src/a.ts', '../../src/b.ts'], names: ['decryptPage'], mappings: 'AAAAA,UAAU;ACEA' });
    expect(map.lookup(0, 0)).toEqual({ source: '../../src/a.ts', line: 1, name: 'decryptPage' });
    expect(map.lookup(0, 15)).toEqual({ source: '../../src/a.ts', line: 1, name: undefined });
    expect(map.lookup(1, 3)).toEqual({ source: '../../src/b.ts', line: 3, name: undefined });
    expect(map.lookup(5, 0)).toBeUndefined();
  });
});
