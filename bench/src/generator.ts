// The synthetic organisation every benchmark uses (shared/BENCHMARKS.md): a fixed seed gives the
// same persons, actions, commentaires, passages and rencontres on every run, with realistic French
// content of ~1.1 KiB of plaintext JSON per record. Each record is derived from its own PRNG stream,
// so records are produced one at a time (never 100k decrypted objects at once) and any record's id
// can be recomputed without generating the others (comments point at actions this way).
import { uuidv7 } from '@relais/core';
import type { Json, RecordDocument } from '@relais/core/sync/types';
import {
  ACTION_CATEGORIES,
  ACTION_STATUSES,
  ACTION_TITLES,
  CITIES,
  FIRST_NAMES,
  GENDERS,
  LAST_NAMES,
  NICKNAMES,
  NOTE_SENTENCES,
  PLACES,
  STREETS,
  TEAM_NAMES,
  TERRITORIES,
  WEEKDAYS,
  asciiFold,
} from './content.ts';
import { Prng } from './prng.ts';

/** Bump when anything changes what a seed produces: it invalidates bench/.cache. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 20261123;

export type SyntheticCollection = 'person' | 'action' | 'comment' | 'passage' | 'rencontre';
export type SizeName = 'S' | 'L';

export interface OrganisationShape {
  person: number;
  action: number;
  comment: number;
  passage: number;
  rencontre: number;
  teams: number;
  members: number;
}

/** Size L from shared/BENCHMARKS.md; S is a fifth of it. */
export const SHAPES: Record<SizeName, OrganisationShape> = {
  L: { person: 5000, action: 28500, comment: 38000, passage: 19000, rencontre: 9500, teams: 8, members: 40 },
  S: { person: 1000, action: 5700, comment: 7600, passage: 3800, rencontre: 1900, teams: 4, members: 10 },
};

/**
 * Order of the non-person records: one cycle of 20 holds them in the shape's proportions
 * (30 % actions, 40 % commentaires, 20 % passages, 10 % rencontres), so a pull sees them mixed
 * as a living organisation writes them.
 */
const CYCLE: readonly SyntheticCollection[] = [
  'action', 'comment', 'passage', 'comment', 'action', 'rencontre', 'comment', 'passage', 'action', 'comment',
  'action', 'comment', 'passage', 'comment', 'action', 'rencontre', 'comment', 'passage', 'action', 'comment',
];

/** Mean plaintext size aimed at per collection; the weighted mean over size L is ~1.1 KiB. */
const TARGET_BYTES: Record<SyntheticCollection, number> = {
  person: 1820,
  action: 1250,
  comment: 930,
  passage: 830,
  rencontre: 930,
};

const STREAM_BASE: Record<SyntheticCollection, number> = {
  person: 1 << 24,
  action: 2 << 24,
  comment: 3 << 24,
  passage: 4 << 24,
  rencontre: 5 << 24,
};
const ORG_STREAM = 1;
const KEY_STREAM = 2;

/** "Now" for the organisation: actions are due within ±6 months of it. */
export const REFERENCE_TIME = Date.UTC(2026, 10, 1, 9, 0, 0);
const DAY = 86_400_000;

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
  const count = shape.person + shape.action + shape.comment + shape.passage + shape.rencontre;
  return { seed, size, shape, organisationId, teams, memberIds, generalKey: { version: 1, key }, count };
}

/** Every record of the organisation, persons first, then the others mixed; one at a time. */
export function* plainRecords(org: SyntheticOrganisation): Generator<PlainRecord> {
  for (let i = 0; i < org.shape.person; i++) yield makeRecord(org, 'person', i);
  const seen: Record<SyntheticCollection, number> = { person: 0, action: 0, comment: 0, passage: 0, rencontre: 0 };
  const others = org.count - org.shape.person;
  for (let n = 0; n < others; n++) {
    const collection = CYCLE[n % CYCLE.length]!;
    yield makeRecord(org, collection, seen[collection]++);
  }
}

/** The first `count` records of another stream of the same organisation (new ids): push benchmarks. */
export function* extraRecords(org: SyntheticOrganisation, count: number, salt = 1): Generator<PlainRecord> {
  const shifted: SyntheticOrganisation = { ...org, seed: (org.seed ^ Math.imul(salt, 0x2545f491)) | 0 };
  let n = 0;
  for (const record of plainRecords(shifted)) {
    if (record.collection === 'person') continue;
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
    collection === 'person'
      ? REFERENCE_TIME - rng.int(0, 3 * 365) * DAY - rng.int(0, DAY - 1)
      : REFERENCE_TIME - rng.int(0, 365) * DAY - rng.int(0, DAY - 1);
  const id = uuidv7({ now: () => createdAt }, rng.asRandom());
  return { rng, id, createdAt };
}

function makeRecord(org: SyntheticOrganisation, collection: SyntheticCollection, index: number): PlainRecord {
  const ident = identity(org, collection, index);
  const { rng } = ident;
  const author = rng.pick(org.memberIds);
  const fields = FIELD_MAKERS[collection](org, ident, index);
  const textField = TEXT_FIELD[collection];
  const stamps: Record<string, string> = {};
  const created = stamp(ident.createdAt, author);
  for (const name of Object.keys(fields)) stamps[name] = created;
  // Some fields were edited later by someone else, as in a file followed over months.
  const editedAt = Math.min(REFERENCE_TIME, ident.createdAt + rng.int(1, 60) * DAY);
  for (const name of Object.keys(fields)) {
    if (rng.chance(0.25)) stamps[name] = stamp(editedAt, rng.pick(org.memberIds));
  }
  fillText(rng, fields, stamps, textField, TARGET_BYTES[collection]);
  return { collection, id: ident.id, createdAt: ident.createdAt, document: { fields, stamps } };
}

type FieldMaker = (org: SyntheticOrganisation, ident: Identity, index: number) => Record<string, Json>;

const TEXT_FIELD: Record<SyntheticCollection, string> = {
  person: 'description',
  action: 'description',
  comment: 'text',
  passage: 'comment',
  rencontre: 'comment',
};

const FIELD_MAKERS: Record<SyntheticCollection, FieldMaker> = {
  person: (org, { rng, createdAt }) => {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const birth = REFERENCE_TIME - rng.int(18 * 365, 75 * 365) * DAY;
    return {
      name: `${first} ${last}`,
      otherNames: rng.chance(0.4) ? [rng.pick(NICKNAMES)] : [],
      gender: rng.pick(GENDERS),
      birthDate: rng.chance(0.85) ? isoDate(birth) : null,
      phone: rng.chance(0.6) ? frenchPhone(rng) : null,
      email: rng.chance(0.2) ? `${asciiFold(first)}.${asciiFold(last)}`.toLowerCase().replace(/[^a-z.-]/g, '') + '@exemple.fr' : null,
      address: rng.chance(0.5) ? `${rng.int(1, 180)} ${rng.pick(STREETS)}, ${rng.pick(CITIES)}` : null,
      description: '',
      highlyVulnerable: rng.chance(0.1),
      homelessSince: rng.chance(0.7) ? isoDate(createdAt - rng.int(30, 4000) * DAY) : null,
      followedSince: isoDate(createdAt),
      assignedTeams: rng.pickSome(org.teams, rng.int(1, 2)).map((t) => t.id),
      places: rng.pickSome(PLACES, rng.int(0, 3)),
    };
  },
  action: (org, { rng }) => {
    const due = REFERENCE_TIME + rng.int(-182, 182) * DAY;
    const withTime = rng.chance(0.4);
    const dueAt = withTime ? due + rng.int(8, 20) * 3_600_000 + rng.pick([0, 15, 30, 45]) * 60_000 : due;
    const status = due < REFERENCE_TIME ? (rng.chance(0.8) ? ACTION_STATUSES[1] : rng.pick(ACTION_STATUSES)) : ACTION_STATUSES[0];
    return {
      name: rng.pick(ACTION_TITLES),
      description: '',
      status,
      dueAt: new Date(dueAt).toISOString(),
      withTime,
      urgent: rng.chance(0.1),
      categories: rng.pickSome(ACTION_CATEGORIES, rng.int(1, 2)),
      personIds: Array.from({ length: rng.chance(0.9) ? 1 : 2 }, () => personId(org, rng)),
      teamIds: [rng.pick(org.teams).id],
      completedAt: status === ACTION_STATUSES[1] ? new Date(dueAt + rng.int(0, 3) * DAY).toISOString() : null,
    };
  },
  comment: (org, { rng, createdAt }) => {
    const onAction = rng.chance(0.3);
    return {
      text: '',
      personId: onAction ? null : personId(org, rng),
      actionId: onAction ? identity(org, 'action', rng.int(0, org.shape.action - 1)).id : null,
      teamId: rng.pick(org.teams).id,
      date: new Date(createdAt).toISOString(),
      urgent: rng.chance(0.08),
    };
  },
  passage: (org, { rng, createdAt }) => ({
    date: new Date(createdAt).toISOString(),
    personId: rng.chance(0.8) ? personId(org, rng) : null,
    teamId: rng.pick(org.teams).id,
    comment: '',
  }),
  rencontre: (org, { rng, createdAt }) => ({
    date: new Date(createdAt).toISOString(),
    personIds: Array.from({ length: rng.int(1, 3) }, () => personId(org, rng)),
    teamId: rng.pick(org.teams).id,
    territory: rng.chance(0.7) ? rng.pick(TERRITORIES) : null,
    comment: '',
  }),
};

function personId(org: SyntheticOrganisation, rng: Prng): string {
  return identity(org, 'person', rng.int(0, org.shape.person - 1)).id;
}

/**
 * Fills the free-text field with sentences until the record's JSON reaches a size drawn around the
 * collection's target: real notes vary from a line to a paragraph.
 */
function fillText(
  rng: Prng,
  fields: Record<string, Json>,
  stamps: Record<string, string>,
  field: string,
  meanBytes: number,
): void {
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
  return `${new Date(time).toISOString()}|${userId}`;
}

function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function frenchPhone(rng: Prng): string {
  const pairs = Array.from({ length: 4 }, () => String(rng.int(0, 99)).padStart(2, '0'));
  return `0${rng.pick(['6', '7'])} ${pairs.join(' ')}`;
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
