// The synthetic organisation every benchmark uses (shared/BENCHMARKS.md): a fixed seed gives the
// same persons, actions, commentaires, passages and rencontres on every run, with realistic French
// content of ~1.1 KiB of plaintext JSON per record. Each record is derived from its own PRNG stream,
// so records are produced one at a time (never 100k decrypted objects at once) and any record's id
// can be recomputed without generating the others (comments point at actions this way).
//
// Documents carry exactly the fields of core's domain schemas (packages/core/src/domain), with the
// creation metadata the app's writer sets and one stamp per field, as the app writes them.
import { uuidv7 } from '@relais/core';
import type { Collection } from '@relais/core/collections';
import type { ActionFields } from '@relais/core/domain/action';
import type { CommentFields } from '@relais/core/domain/comment';
import type { EncounterFields } from '@relais/core/domain/encounter';
import type { PassageFields } from '@relais/core/domain/passage';
import { GENDERS, type PersonFields } from '@relais/core/domain/person';
import { allCategories, defaultSettings } from '@relais/core/domain/settings';
import type { TerritoryFields } from '@relais/core/domain/territory';
import type { Json, RecordDocument } from '@relais/core/sync/types';
import {
  ACTION_TITLES,
  ALERTS,
  FIRST_NAMES,
  LAST_NAMES,
  NICKNAMES,
  NOTE_SENTENCES,
  PERIMETERS,
  PLACES,
  TEAM_NAMES,
  TERRITORIES,
  WEEKDAYS,
  asciiFold,
} from './content.ts';
import { Prng } from './prng.ts';

/** Bump when anything changes what a seed produces: it invalidates bench/.cache. */
export const GENERATOR_VERSION = 2;
export const DEFAULT_SEED = 20261123;

export type SyntheticCollection = Extract<Collection, 'person' | 'territory' | 'action' | 'comment' | 'passage' | 'encounter'>;
export const SYNTHETIC_COLLECTIONS: readonly SyntheticCollection[] = ['person', 'territory', 'action', 'comment', 'passage', 'encounter'];
export type SizeName = 'S' | 'L';

export type OrganisationShape = Record<SyntheticCollection, number> & { teams: number; members: number };

/**
 * Size L from shared/BENCHMARKS.md; S is a fifth of it. The territories are the organisation's
 * few named sectors (rencontres point at them), not a share of the activity: 8 in both sizes.
 */
export const SHAPES: Record<SizeName, OrganisationShape> = {
  L: { person: 5000, territory: 8, action: 28500, comment: 38000, passage: 19000, encounter: 9500, teams: 8, members: 40 },
  S: { person: 1000, territory: 8, action: 5700, comment: 7600, passage: 3800, encounter: 1900, teams: 4, members: 10 },
};

type ActivityCollection = Exclude<SyntheticCollection, 'person' | 'territory'>;

/**
 * Order of the activity records: one cycle of 20 holds them in the shape's proportions
 * (30 % actions, 40 % commentaires, 20 % passages, 10 % rencontres), so a pull sees them mixed
 * as a living organisation writes them.
 */
const CYCLE: readonly ActivityCollection[] = [
  'action', 'comment', 'passage', 'comment', 'action', 'encounter', 'comment', 'passage', 'action', 'comment',
  'action', 'comment', 'passage', 'comment', 'action', 'encounter', 'comment', 'passage', 'action', 'comment',
];

/**
 * Free text of each collection and the mean size of the whole document aimed at when the text is
 * written (stamps included). One stamp per field (~75 bytes each) plus the creation metadata put
 * an action at ~1.45 KB and a comment at ~0.9 KB before any text, so texts are short and optional
 * ones often empty, as in real files: most actions have no description and most passages no
 * comment. The weighted mean over size L is 1,193 bytes (~1.17 KiB).
 */
const TEXT: Record<SyntheticCollection, { field: string; targetBytes: number; emptyChance: number }> = {
  person: { field: 'description', targetBytes: 1850, emptyChance: 0.1 },
  territory: { field: 'description', targetBytes: 900, emptyChance: 0 },
  action: { field: 'description', targetBytes: 1600, emptyChance: 0.75 },
  comment: { field: 'text', targetBytes: 800, emptyChance: 0 },
  passage: { field: 'comment', targetBytes: 900, emptyChance: 0.8 },
  encounter: { field: 'comment', targetBytes: 950, emptyChance: 0.5 },
};

const STREAM_BASE: Record<SyntheticCollection, number> = {
  person: 1 << 24,
  action: 2 << 24,
  comment: 3 << 24,
  passage: 4 << 24,
  encounter: 5 << 24,
  territory: 6 << 24,
};
const ORG_STREAM = 1;
const KEY_STREAM = 2;

/** "Now" for the organisation: actions are due within ±6 months of it. */
export const REFERENCE_TIME = Date.UTC(2026, 10, 1, 9, 0, 0);
const DAY = 86_400_000;

const SETTINGS = defaultSettings();
const CATEGORIES = allCategories(SETTINGS);

export interface SyntheticOrganisation {
  seed: number;
  size: SizeName;
  shape: OrganisationShape;
  organisationId: string;
  teams: { id: string; name: string }[];
  memberIds: string[];
  /**
   * The organisation's `general` key, version 1. Derived from the seed so that cached ciphertexts
   * stay readable across runs: synthetic data only, never a way to make a real key.
   */
  generalKey: { version: number; key: Uint8Array };
  /** Number of records of every collection together. */
  count: number;
}

export interface PlainRecord {
  collection: SyntheticCollection;
  id: string;
  /** Creation time (ms), also the UUIDv7 timestamp. */
  createdAt: number;
  document: RecordDocument;
}

export function syntheticOrganisation(seed: number = DEFAULT_SEED, size: SizeName = 'L'): SyntheticOrganisation {
  const shape = SHAPES[size];
  // The size is part of the organisation's identity, so that S and L can live on one server.
  const sizeStream = size === 'L' ? 0 : 16;
  const rng = new Prng(seed, ORG_STREAM + sizeStream);
  const random = rng.asRandom();
  const at = (t: number) => ({ now: () => t });
  const organisationId = uuidv7(at(REFERENCE_TIME - 3 * 365 * DAY), random);
  const teams = TEAM_NAMES.slice(0, shape.teams).map((name, i) => ({
    id: uuidv7(at(REFERENCE_TIME - 3 * 365 * DAY + i * DAY), random),
    name,
  }));
  const memberIds = Array.from({ length: shape.members }, (_, i) =>
    uuidv7(at(REFERENCE_TIME - 3 * 365 * DAY + i * 7 * DAY), random),
  );
  const key = new Prng(seed, KEY_STREAM + sizeStream).asRandom().fill(new Uint8Array(32));
  const count = SYNTHETIC_COLLECTIONS.reduce((sum, c) => sum + shape[c], 0);
  return { seed, size, shape, organisationId, teams, memberIds, generalKey: { version: 1, key }, count };
}

/** Every record of the organisation: persons first, then the territories, then the activity mixed; one at a time. */
export function* plainRecords(org: SyntheticOrganisation): Generator<PlainRecord> {
  for (let i = 0; i < org.shape.person; i++) yield makeRecord(org, 'person', i);
  for (let i = 0; i < org.shape.territory; i++) yield makeRecord(org, 'territory', i);
  const seen: Record<ActivityCollection, number> = { action: 0, comment: 0, passage: 0, encounter: 0 };
  const activity = org.shape.action + org.shape.comment + org.shape.passage + org.shape.encounter;
  for (let n = 0; n < activity; n++) {
    const collection = CYCLE[n % CYCLE.length]!;
    yield makeRecord(org, collection, seen[collection]++);
  }
}

/** Person `index` alone (0-based, generation order): benchmarks look up the names they type. */
export function syntheticPerson(org: SyntheticOrganisation, index: number): PlainRecord {
  if (index < 0 || index >= org.shape.person) throw new Error(`no person ${index}`);
  return makeRecord(org, 'person', index);
}

/** Record `index` of `collection` alone (0-based, generation order within its collection). */
export function syntheticRecord(org: SyntheticOrganisation, collection: SyntheticCollection, index: number): PlainRecord {
  if (index < 0 || index >= org.shape[collection]) throw new Error(`no ${collection} ${index}`);
  return makeRecord(org, collection, index);
}

/** The first `count` activity records of another stream of the same organisation (new ids): push benchmarks. */
export function* extraRecords(org: SyntheticOrganisation, count: number, salt = 1): Generator<PlainRecord> {
  const shifted: SyntheticOrganisation = { ...org, seed: (org.seed ^ Math.imul(salt, 0x2545f491)) | 0 };
  let n = 0;
  for (const record of plainRecords(shifted)) {
    if (record.collection === 'person' || record.collection === 'territory') continue;
    if (n++ >= count) return;
    yield record;
  }
}

interface Identity {
  rng: Prng;
  id: string;
  createdAt: number;
}

/** The record's own PRNG stream, its creation time and UUIDv7: the first draws of the stream. */
function identity(org: SyntheticOrganisation, collection: SyntheticCollection, index: number): Identity {
  const rng = new Prng(org.seed, STREAM_BASE[collection] + index);
  const createdAt =
    collection === 'person' || collection === 'territory'
      ? REFERENCE_TIME - rng.int(0, 3 * 365) * DAY - rng.int(0, DAY - 1)
      : REFERENCE_TIME - rng.int(0, 365) * DAY - rng.int(0, DAY - 1);
  const id = uuidv7({ now: () => createdAt }, rng.asRandom());
  return { rng, id, createdAt };
}

function makeRecord(org: SyntheticOrganisation, collection: SyntheticCollection, index: number): PlainRecord {
  const ident = identity(org, collection, index);
  const { rng } = ident;
  const author = rng.pick(org.memberIds);
  const fields = {
    ...FIELD_MAKERS[collection](org, ident, index),
    createdAt: iso(ident.createdAt),
    createdBy: author,
  } as Record<string, Json>;
  const stamps: Record<string, string> = {};
  const created = stamp(ident.createdAt, author);
  for (const name of Object.keys(fields)) stamps[name] = created;
  // Some fields were edited later by someone else, as in a file followed over months.
  const editedAt = Math.min(REFERENCE_TIME, ident.createdAt + rng.int(1, 60) * DAY);
  for (const name of Object.keys(fields)) {
    if (name !== 'createdAt' && name !== 'createdBy' && rng.chance(0.25)) stamps[name] = stamp(editedAt, rng.pick(org.memberIds));
  }
  const text = TEXT[collection];
  if (!rng.chance(text.emptyChance)) fillText(rng, fields, stamps, text.field, text.targetBytes);
  return { collection, id: ident.id, createdAt: ident.createdAt, document: { fields, stamps } };
}

/** The document of each collection before its free text, which `fillText` writes. */
interface Makers {
  person: (org: SyntheticOrganisation, ident: Identity, index: number) => Omit<PersonFields, 'createdAt' | 'createdBy'>;
  territory: (org: SyntheticOrganisation, ident: Identity, index: number) => Omit<TerritoryFields, 'createdAt' | 'createdBy'>;
  action: (org: SyntheticOrganisation, ident: Identity, index: number) => Omit<ActionFields, 'createdAt' | 'createdBy'>;
  comment: (org: SyntheticOrganisation, ident: Identity, index: number) => Omit<CommentFields, 'createdAt' | 'createdBy'>;
  passage: (org: SyntheticOrganisation, ident: Identity, index: number) => Omit<PassageFields, 'createdAt' | 'createdBy'>;
  encounter: (org: SyntheticOrganisation, ident: Identity, index: number) => Omit<EncounterFields, 'createdAt' | 'createdBy'>;
}

/** Mostly men, as in street outreach files; a few files say nothing. */
const GENDER_WEIGHTS: readonly [(typeof GENDERS)[number], number][] = [
  ['man', 0.62],
  ['woman', 0.27],
  ['', 0.05],
  ['trans_woman', 0.02],
  ['non_binary', 0.02],
  ['trans_man', 0.01],
  ['other', 0.01],
];

const FIELD_MAKERS: Makers = {
  person: (org, { rng, createdAt }) => {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const birth = REFERENCE_TIME - rng.int(18 * 365, 75 * 365) * DAY;
    const out = rng.chance(0.12);
    return {
      name: `${first} ${last}`,
      otherNames: rng.chance(0.4) ? rng.pickSome(NICKNAMES, rng.int(1, 2)).join(', ') : '',
      gender: weighted(rng, GENDER_WEIGHTS),
      birthDate: rng.chance(0.85) ? isoDate(birth) : '',
      phone: rng.chance(0.6) ? frenchPhone(rng) : '',
      email: rng.chance(0.2) ? `${asciiFold(first)}.${asciiFold(last)}`.toLowerCase().replace(/[^a-z.-]/g, '') + '@exemple.fr' : '',
      description: '',
      highlyVulnerable: rng.chance(0.1),
      streetSince: rng.chance(0.7) ? isoDate(createdAt - rng.int(30, 4000) * DAY) : '',
      followedSince: isoDate(createdAt),
      teamIds: rng.pickSome(org.teams, rng.int(1, 2)).map((t) => t.id),
      alerts: rng.chance(0.08) ? rng.pick(ALERTS) : '',
      outOfActiveList: out,
      outOfActiveListDate: out ? isoDate(Math.min(REFERENCE_TIME, createdAt + rng.int(30, 700) * DAY)) : '',
      outOfActiveListReasons: out ? [rng.pick(SETTINGS.outOfActiveListReasons)] : [],
    };
  },
  territory: (_org, { rng }, index) => ({
    name: TERRITORIES[index % TERRITORIES.length]!,
    types: rng.pickSome(SETTINGS.territoryTypes, rng.int(1, 2)),
    perimeter: rng.pick(PERIMETERS),
    description: '',
  }),
  action: (org, { rng }) => {
    const due = REFERENCE_TIME + rng.int(-182, 182) * DAY;
    const dueTime = rng.chance(0.4) ? `${String(rng.int(8, 20)).padStart(2, '0')}:${String(rng.pick([0, 15, 30, 45])).padStart(2, '0')}` : '';
    const status = due < REFERENCE_TIME ? (rng.chance(0.8) ? 'done' : rng.pick(['todo', 'cancelled'] as const)) : 'todo';
    return {
      title: rng.pick(ACTION_TITLES),
      description: '',
      status,
      dueDate: isoDate(due),
      dueTime,
      urgent: rng.chance(0.1),
      categories: rng.pickSome(CATEGORIES, rng.int(1, 2)),
      personIds: Array.from({ length: rng.chance(0.9) ? 1 : 2 }, () => personId(org, rng)),
      teamIds: [rng.pick(org.teams).id],
      completedAt: status === 'todo' ? '' : iso(Math.min(REFERENCE_TIME, due + rng.int(0, 3) * DAY + rng.int(8, 20) * 3_600_000)),
      seriesId: '',
      occurrenceDate: '',
    };
  },
  comment: (org, { rng, createdAt }) => {
    const onAction = rng.chance(0.3);
    return {
      text: '',
      personId: onAction ? '' : personId(org, rng),
      actionId: onAction ? identity(org, 'action', rng.int(0, org.shape.action - 1)).id : '',
      teamId: rng.pick(org.teams).id,
      date: iso(createdAt),
      priority: rng.chance(0.08),
    };
  },
  passage: (org, { rng, createdAt }) => {
    const named = rng.chance(0.8);
    return {
      date: iso(createdAt),
      teamId: rng.pick(org.teams).id,
      personIds: named ? [personId(org, rng)] : [],
      anonymousCount: named ? (rng.chance(0.1) ? rng.int(1, 3) : 0) : rng.int(1, 5),
      comment: '',
    };
  },
  encounter: (org, { rng, createdAt }) => ({
    date: iso(createdAt),
    teamId: rng.pick(org.teams).id,
    personIds: Array.from(new Set(Array.from({ length: rng.int(1, 3) }, () => personId(org, rng)))),
    territoryId: rng.chance(0.7) ? identity(org, 'territory', rng.int(0, org.shape.territory - 1)).id : '',
    comment: '',
  }),
};

function personId(org: SyntheticOrganisation, rng: Prng): string {
  return identity(org, 'person', rng.int(0, org.shape.person - 1)).id;
}

function weighted<T>(rng: Prng, choices: readonly (readonly [T, number])[]): T {
  let x = rng.next();
  for (const [value, weight] of choices) {
    if (x < weight) return value;
    x -= weight;
  }
  return choices[choices.length - 1]![0];
}

/**
 * Fills the free-text field with sentences until the record's JSON reaches a size drawn around the
 * collection's target: real notes vary from a line to a paragraph. At least one sentence.
 */
function fillText(rng: Prng, fields: Record<string, Json>, stamps: Record<string, string>, field: string, meanBytes: number): void {
  const target = Math.round(meanBytes * (0.5 + rng.next()));
  let size = byteLength(JSON.stringify({ fields, stamps }));
  const sentences: string[] = [];
  do {
    const sentence = fillSentence(rng, rng.pick(NOTE_SENTENCES));
    sentences.push(sentence);
    size += byteLength(sentence) + 1;
  } while (size < target);
  fields[field] = sentences.join(rng.chance(0.3) ? '\n' : ' ');
}

function fillSentence(rng: Prng, template: string): string {
  return template.replace(/\{([plhj])\}/g, (_, k: string) => {
    if (k === 'p') return rng.pick(FIRST_NAMES);
    if (k === 'l') return rng.pick(PLACES);
    if (k === 'h') return `${rng.int(8, 21)} h ${String(rng.pick([0, 15, 30, 45])).padStart(2, '0')}`;
    return rng.pick(WEEKDAYS);
  });
}

function stamp(time: number, userId: string): string {
  return `${iso(time)}|${userId}`;
}

function iso(time: number): string {
  return new Date(time).toISOString();
}

function isoDate(time: number): string {
  return iso(time).slice(0, 10);
}

function frenchPhone(rng: Prng): string {
  const pairs = Array.from({ length: 4 }, () => String(rng.int(0, 99)).padStart(2, '0'));
  return `0${rng.pick(['6', '7'])} ${pairs.join(' ')}`;
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
