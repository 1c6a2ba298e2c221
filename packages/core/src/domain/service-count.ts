// Service counters (cafés, douches, kits…) per team, day and service. Each user keeps their own
// counter record, so two people tapping « + » on two phones offline never edit the same record:
// the day's figure for a service is the sum over users.
import { z } from 'zod';
import type { Keyring } from '../crypto/keyring.ts';
import type { CryptoPrimitives } from '../ports.ts';
import { derivedId } from './derived-id.ts';
import { count, id, isoDate, MESSAGES, recordMeta, requiredText, type FieldLabels } from './fields.ts';
import { dayLabel } from './label.ts';

export const ServiceCountFields = z.object(
  {
    teamId: id('Veuillez choisir une équipe.'),
    date: isoDate(),
    service: requiredText(200, 'Veuillez choisir un service.'),
    count: count(100_000),
    ...recordMeta,
  },
  { error: MESSAGES.document },
);
export type ServiceCountFields = z.infer<typeof ServiceCountFields>;

export function emptyServiceCount(teamId = '', date = '', service = ''): ServiceCountFields {
  return { teamId, date, service, count: 0 };
}

export const SERVICE_COUNT_FIELD_LABELS: FieldLabels<ServiceCountFields> = {
  teamId: 'Équipe',
  date: 'Date',
  service: 'Service',
  count: 'Nombre',
};

export interface ServiceCounterKey {
  teamId: string;
  date: string;
  service: string;
  userId: string;
}

/** The id of one user's counter for a team, a day and a service: the same on all their devices. */
export function serviceCountId(p: CryptoPrimitives, keyring: Keyring, key: ServiceCounterKey): string {
  return derivedId(p, keyring, 'serviceCount', key.teamId, key.date, key.service, key.userId);
}

export interface ServiceTotal {
  service: string;
  total: number;
}

/**
 * The figure of each service, summed over users' counters, for the team and/or day asked. Services
 * come in `order` (the settings' list, which shows zeros too), then any other counted service
 * (removed from the list since) in alphabetical order.
 */
export function serviceTotals(
  counts: readonly { summary: Pick<ServiceCountFields, 'teamId' | 'date' | 'service' | 'count'> }[],
  filter: { teamId?: string; date?: string } = {},
  order: readonly string[] = [],
): ServiceTotal[] {
  const totals = new Map<string, number>();
  for (const service of order) totals.set(service, 0);
  for (const { summary: c } of counts) {
    if (filter.teamId !== undefined && c.teamId !== filter.teamId) continue;
    if (filter.date !== undefined && c.date !== filter.date) continue;
    totals.set(c.service, (totals.get(c.service) ?? 0) + c.count);
  }
  const listed = new Set(order);
  const others = [...totals.keys()].filter((s) => !listed.has(s)).sort((a, b) => a.localeCompare(b, 'fr'));
  return [...new Set(order), ...others].map((service) => ({ service, total: totals.get(service) ?? 0 }));
}

export type ServiceCountSummary = ServiceCountFields;

export function summariseServiceCount(f: ServiceCountFields): ServiceCountSummary {
  return f;
}

export function serviceCountLabel(f: ServiceCountFields): string {
  const day = dayLabel(f.date);
  return day === '' ? `Service : ${f.service}` : `Service : ${f.service} (${day})`;
}
