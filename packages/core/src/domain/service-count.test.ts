import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodiumPrimitives } from '../crypto/test-support.ts';
import type { CryptoPrimitives } from '../ports.ts';
import { validateFields } from './registry.ts';
import { emptyServiceCount, serviceCountId, serviceCountLabel, serviceTotals } from './service-count.ts';
import { keyring, TEAM_A, TEAM_B, USER_1, USER_2 } from './test-support.ts';

let p: CryptoPrimitives;
beforeAll(async () => {
  p = await loadSodiumPrimitives();
});

const counter = (teamId: string, date: string, service: string, count: number) => ({ summary: { ...emptyServiceCount(teamId, date, service), count } });

describe('service counters', () => {
  it('have one record per user, the same id on all of that user’s devices', () => {
    const key = { teamId: TEAM_A, date: '2026-11-23', service: 'Café', userId: USER_1 };
    expect(serviceCountId(p, keyring(1), key)).toBe(serviceCountId(p, keyring(1), { ...key }));
    const others = [
      { ...key, userId: USER_2 },
      { ...key, service: 'Douche' },
      { ...key, date: '2026-11-24' },
      { ...key, teamId: TEAM_B },
    ].map((k) => serviceCountId(p, keyring(1), k));
    expect(new Set([serviceCountId(p, keyring(1), key), ...others]).size).toBe(5);
  });

  it("sum users' counters per service, listed services first (with zeros), then the others", () => {
    const counts = [
      counter(TEAM_A, '2026-11-23', 'Café', 12),
      counter(TEAM_A, '2026-11-23', 'Café', 5),
      counter(TEAM_A, '2026-11-23', 'Douche', 2),
      counter(TEAM_A, '2026-11-23', 'Ancien service', 1),
      counter(TEAM_A, '2026-11-22', 'Café', 100),
      counter(TEAM_B, '2026-11-23', 'Café', 1000),
    ];
    expect(serviceTotals(counts, { teamId: TEAM_A, date: '2026-11-23' }, ['Repas', 'Café', 'Douche'])).toEqual([
      { service: 'Repas', total: 0 },
      { service: 'Café', total: 17 },
      { service: 'Douche', total: 2 },
      { service: 'Ancien service', total: 1 },
    ]);
    expect(serviceTotals(counts, { date: '2026-11-23' })).toEqual([
      { service: 'Ancien service', total: 1 },
      { service: 'Café', total: 1017 },
      { service: 'Douche', total: 2 },
    ]);
    expect(serviceTotals(counts, { teamId: TEAM_A }, ['Café']).at(0)).toEqual({ service: 'Café', total: 117 });
  });

  it('refuses negative or fractional counts, in French', () => {
    expect(validateFields('serviceCount', { ...emptyServiceCount(TEAM_A, '2026-11-23', 'Café'), count: -1 })).toEqual({
      ok: false,
      errors: { count: 'Veuillez saisir un nombre positif ou nul.' },
    });
    expect(validateFields('serviceCount', { ...emptyServiceCount(TEAM_A, '2026-11-23', 'Café'), count: 1.5 })).toEqual({
      ok: false,
      errors: { count: 'Veuillez saisir un nombre entier.' },
    });
    expect(serviceCountLabel(emptyServiceCount(TEAM_A, '2026-11-23', 'Café'))).toBe('Service : Café (23/11/2026)');
  });

  it('handles a service called like an Object property', () => {
    expect(serviceTotals([counter(TEAM_A, '2026-11-23', '__proto__', 2), counter(TEAM_A, '2026-11-23', 'constructor', 1)])).toEqual([
      { service: '__proto__', total: 2 },
      { service: 'constructor', total: 1 },
    ]);
  });
});
