import { describe, expect, it } from 'vitest';
import { pendingText, progressText } from './SyncStatusBar.tsx';

describe('sync status texts', () => {
  it('counts what the first sync received, and says nothing once it is over', () => {
    expect(progressText({ phase: 'persons', pulled: 0 })).toBe("Synchronisation : 0 éléments reçus (les personnes d'abord)");
    expect(progressText({ phase: 'rest', pulled: 1 })).toBe('Synchronisation : 1 élément reçu (personnes reçues, suite en cours)');
    expect(progressText({ phase: 'done', pulled: 100_000 })).toBeNull();
    expect(pendingText(0)).toBe('Aucune modification en attente');
    expect(pendingText(2)).toBe('2 modifications en attente');
  });
});
