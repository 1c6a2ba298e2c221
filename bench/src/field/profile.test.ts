import { describe, expect, it } from 'vitest';
import { selfTimes, type CpuProfile } from './profile.ts';

describe('CPU profile summary', () => {
  it('adds up self time per function from the samples', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 } },
        { id: 2, callFrame: { functionName: 'decrypt', url: 'http://x/assets/worker-1.js', lineNumber: 9 } },
        { id: 3, callFrame: { functionName: '(idle)', url: '', lineNumber: -1 } },
        { id: 4, callFrame: { functionName: 'decrypt', url: 'http://x/assets/worker-1.js', lineNumber: 9 } },
      ],
      startTime: 0,
      endTime: 100,
      samples: [2, 2, 3, 4, 3],
      timeDeltas: [0, 1000, 2000, 3000, 4000],
    };
    expect(selfTimes(profile)).toEqual([
      // Each sample lasts until the next one: the same function at two nodes counts together.
      { what: 'decrypt worker-1.js:10', ms: 7 },
      { what: '(idle)', ms: 3 },
    ]);
  });
});
