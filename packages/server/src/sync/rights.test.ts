import { COLLECTION_NAMES, keyKindOf } from '@relais/core/collections';
import { describe, expect, it } from 'vitest';
import { mayReadKind, mayWriteCollection, mayWriteKind, readableCollections } from './rights.ts';

describe('sync rights by key kind', () => {
  const roles = ['admin', 'member', 'restricted', 'stats'] as const;

  it('gives medical collections to health professionals only', () => {
    for (const role of roles) {
      expect(mayReadKind({ role, healthProfessional: false }, 'medical')).toBe(false);
      expect(mayWriteKind({ role, healthProfessional: false }, 'medical')).toBe(false);
      expect(mayReadKind({ role, healthProfessional: true }, 'medical')).toBe(true);
      expect(mayReadKind({ role, healthProfessional: false }, 'general')).toBe(true);
    }
  });

  it('never lets the stats role write', () => {
    expect(mayWriteKind({ role: 'stats', healthProfessional: true }, 'general')).toBe(false);
    expect(mayWriteKind({ role: 'stats', healthProfessional: true }, 'medical')).toBe(false);
    expect(mayWriteKind({ role: 'restricted', healthProfessional: false }, 'general')).toBe(true);
  });

  it('lets administrators only write the settings', () => {
    expect(mayWriteCollection({ role: 'admin', healthProfessional: false }, 'settings')).toBe(true);
    for (const role of ['member', 'restricted', 'stats'] as const) {
      expect(mayWriteCollection({ role, healthProfessional: true }, 'settings')).toBe(false);
    }
    expect(mayWriteCollection({ role: 'member', healthProfessional: false }, 'comment')).toBe(true);
  });

  it('filters pulls to the readable collections', () => {
    const plain = readableCollections({ role: 'member', healthProfessional: false });
    expect(plain).toEqual(COLLECTION_NAMES.filter((c) => keyKindOf(c) === 'general'));
    expect(readableCollections({ role: 'member', healthProfessional: true })).toEqual([...COLLECTION_NAMES]);
  });
});
