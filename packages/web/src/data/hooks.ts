// The hooks every screen reads and writes through (decision docs/decisions/007-web-data-layer.md).
// Summaries come from the page's mirror of the Worker's index; full documents are decrypted on demand in the Worker; writes go to the outbox
// and never wait for the network. Everything re-renders when the Worker reports a change.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { COLLECTIONS, type Collection } from '@relais/core/collections';
import type { Me, Team } from '@relais/core/protocol';
import type { Workspace } from '../session/controller.ts';
import type { FieldsOf, SummaryOf } from '@relais/core/domain/summaries';
import { defaultSettings, type SettingsFields } from '@relais/core/domain/settings';
import type { Json } from '@relais/core/sync/types';
import { useController, useWorkspace } from '../app/context.ts';
import { personSearchFor, type PersonSearch } from '../search/person-search.ts';
import type { DataClient } from './client.ts';
import { LockedError } from './errors.ts';
import { FILE_GROUPS, historyKey, recordKey, type Fields } from './protocol.ts';
import type { FullRecord, HistoryEntry, Item, RecordState, SyncProgress, TrashEntry } from './types.ts';

export type { HistoryEntry, Item, RecordState, SyncProgress, TrashEntry } from './types.ts';
export { DataError, LockedError, ValidationError } from './errors.ts';

export function useData(): DataClient {
  return useWorkspace().workspace.data;
}

/** Re-runs `load` when one of `keys` is stored again (a write here, a pull, a merge). */
function useReload(keys: readonly string[], load: () => void): void {
  const data = useData();
  const ref = useRef(load);
  ref.current = load;
  const joined = keys.join('\n');
  useEffect(() => {
    const wanted = new Set(joined.split('\n'));
    return data.onChanged((changed) => {
      for (const key of changed) {
        if (wanted.has(key)) {
          ref.current();
          return;
        }
      }
    });
  }, [data, joined]);
}

/** Every live record's summary; null while the index is first loaded. */
export function useIndex<C extends Collection>(collection: C): Item<SummaryOf<C>>[] | null {
  const mirror = useData().index(collection);
  return useSyncExternalStore(mirror.subscribe, mirror.getSnapshot) as Item<SummaryOf<C>>[] | null;
}

/** One record's summary from the page's mirror (no scan of the index); null while loading or when absent. */
export function useIndexItem<C extends Collection>(collection: C, id: string): Item<SummaryOf<C>> | null {
  const mirror = useData().index(collection);
  const snapshot = useCallback(() => (mirror.loaded ? (mirror.get(id) ?? null) : null), [mirror, id]);
  return useSyncExternalStore(mirror.subscribe, snapshot) as Item<SummaryOf<C>> | null;
}

/**
 * The summaries of `collection` whose `field` is (or, for a list, holds) `value`: the records of
 * one person or one action, answered by the data Worker from its index (the page does not mirror
 * the whole collection for it) and kept current. Null until answered.
 */
export function useIndexGroup<C extends Collection>(collection: C, field: keyof SummaryOf<C> & string, value: string): readonly Item<SummaryOf<C>>[] | null {
  const data = useData();
  const group = useMemo(() => data.group({ collection, field, value }), [data, collection, field, value]);
  return useSyncExternalStore(group.subscribe, group.mirror.getSnapshot) as readonly Item<SummaryOf<C>>[] | null;
}

/** useIndexGroup for several values at once (the comments of all of a person's actions), in order, each item once; null until all answered. */
export function useIndexGroups<C extends Collection>(collection: C, field: keyof SummaryOf<C> & string, values: readonly string[]): Item<SummaryOf<C>>[] | null {
  const data = useData();
  const key = values.join(',');
  const store = useMemo(() => {
    const groups = (key === '' ? [] : key.split(',')).map((value) => data.group({ collection, field, value }));
    let last: { parts: (readonly Item<unknown>[] | null)[]; value: Item<SummaryOf<C>>[] | null } | null = null;
    return {
      subscribe: (listener: () => void) => {
        const stops = groups.map((g) => g.subscribe(listener));
        return () => stops.forEach((stop) => stop());
      },
      getSnapshot: (): Item<SummaryOf<C>>[] | null => {
        const parts = groups.map((g) => g.mirror.getSnapshot());
        if (last && parts.length === last.parts.length && parts.every((p, i) => p === last!.parts[i])) return last.value;
        let value: Item<SummaryOf<C>>[] | null = null;
        if (parts.every((p) => p !== null)) {
          const seen = new Set<string>();
          value = [];
          for (const part of parts) {
            for (const item of part!) {
              if (seen.has(item.id)) continue;
              seen.add(item.id);
              value.push(item as Item<SummaryOf<C>>);
            }
          }
        }
        last = { parts, value };
        return value;
      },
    };
  }, [data, collection, field, key]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/**
 * What `data`'s Worker answers for `key`: at the first render, what was read ahead (`primed`:
 * current until a change notice drops it, so no read then), else read; read again whenever one of
 * `reloadKeys` is stored, and from the new client when the workspace re-opens (new keys after a
 * rotation: the screen stays mounted, what it shows stays until the new client answers). `read`
 * never rejects; undefined from it keeps what is shown. `value`: undefined until there is something
 * to show for `key`; `last`: the last answer, whatever key it was for.
 */
function useWorkerValue<T>(
  data: DataClient,
  key: string,
  reloadKeys: readonly string[],
  primed: () => T | undefined,
  read: () => Promise<T | undefined>,
): { value: T | undefined; last: T | undefined } {
  const [state, setState] = useState<{ data: DataClient; key: string; value: T } | null>(null);
  const start = useRef<{ data: DataClient; key: string; value: T | undefined } | null>(null);
  const isCurrent = (held: { data: DataClient; key: string } | null) => held?.data === data && held.key === key;
  if (!isCurrent(state) && !isCurrent(start.current)) start.current = { data, key, value: primed() };
  const reader = useRef(read);
  reader.current = read;
  const generation = useRef(0);
  const load = useCallback(() => {
    const mine = ++generation.current;
    void reader.current().then((value) => {
      if (value !== undefined && mine === generation.current) setState({ data, key, value });
    });
  }, [data, key]);
  const primedNow = isCurrent(start.current) && start.current?.value !== undefined;
  useEffect(() => {
    if (!primedNow) load();
  }, [load, primedNow]);
  useReload(reloadKeys, load);
  if (state?.key === key) return { value: state.value, last: state.value };
  return { value: start.current?.key === key ? start.current.value : undefined, last: state?.value };
}

const LOADING = { status: 'loading' } as const;

/** One full document, decrypted on demand; follows later changes of the record. */
export function useRecord<C extends Collection>(collection: C, id: string): RecordState<FieldsOf<C>> {
  const data = useData();
  const key = recordKey(collection, id);
  const found = (record: FullRecord<Fields>): RecordState<FieldsOf<C>> => ({ status: 'found', ...record, fields: record.fields as unknown as FieldsOf<C> });
  const { value } = useWorkerValue<RecordState<FieldsOf<C>>>(
    data,
    key,
    [key],
    () => {
      const record = data.primedRecord(collection, id);
      return record && found(record);
    },
    () =>
      data.request('read', { collection, id }).then(
        (record) => (record ? found(record) : { status: 'missing' }),
        (error: unknown) => {
          // Closed for a re-opening (or a lock): the new client reads it again.
          if (error instanceof LockedError) return undefined;
          console.error('cannot read record', error);
          return { status: 'missing' };
        },
      ),
  );
  return value ?? LOADING;
}

/** Full documents of these ids (live ones, in the order given); null while loading. */
export function useRecords<C extends Collection>(collection: C, ids: readonly string[]): { id: string; fields: FieldsOf<C>; pending: boolean }[] | null {
  type Shown = { id: string; fields: FieldsOf<C>; pending: boolean }[];
  const data = useData();
  const joined = ids.join(',');
  // The ids by value: a new array of the same ids (each render of the caller) reads nothing again.
  const list = useMemo(() => (joined === '' ? [] : joined.split(',')), [joined]);
  const shown = (records: readonly FullRecord<Fields>[]): Shown => records.map((r) => ({ id: r.id, fields: r.fields as unknown as FieldsOf<C>, pending: r.pending }));
  const keys = useMemo(() => list.map((id) => recordKey(collection, id)), [collection, list]);
  const { value, last } = useWorkerValue<Shown>(
    data,
    `${collection}:${joined}`,
    keys,
    // Records a group's answer brought (data/client.ts primed): shown in the same render as the
    // group, without a second round trip.
    () => {
      const records = list.length === 0 ? null : data.primed(collection, list);
      return records ? shown(records) : undefined;
    },
    () =>
      list.length === 0
        ? Promise.resolve([])
        : data.request('readMany', { collection, ids: list }).then(shown, (error: unknown) => {
            if (!(error instanceof LockedError)) console.error('cannot read records', error);
            return undefined;
          }),
  );
  if (value !== undefined) return value;
  // Some of these records were shown already (one was added to a list): they stay on screen while
  // the others are read, rather than the list emptying for a moment.
  if (last !== undefined && list.length > 0) {
    const wanted = new Set(list);
    const kept = last.filter((record) => wanted.has(record.id));
    if (kept.length > 0) return kept;
  }
  return null;
}

/**
 * The groups a person's file shows that hold the person's id. The medical ones are left out: only a
 * health professional's file shows them, and it reads them when it opens.
 */
const PERSON_FILE_GROUPS = FILE_GROUPS.filter(([collection, field]) => field !== 'actionId' && COLLECTIONS[collection].keyKind === 'general');

/**
 * Reads ahead the files of these persons (the few a search narrowed to, the one being touched): a
 * file opened next renders complete in one go (DataClient.readAhead).
 */
export function useReadPersonFilesAhead(): (ids: readonly string[]) => void {
  const data = useData();
  return useCallback(
    (ids: readonly string[]) => {
      for (const id of ids) {
        data.readAhead('person', id, PERSON_FILE_GROUPS);
        // The file's chronology also shows the comments on the person's actions: read ahead once the
        // actions are known.
        void data.groupItems({ collection: 'action', field: 'personIds', value: id }).then((actions) => {
          for (const action of actions) data.group({ collection: 'comment', field: 'actionId', value: action.id });
        });
      }
    },
    [data],
  );
}

/** Names by id, one map per person index snapshot, shared by every screen and section that shows names. */
const namesBySnapshot = new WeakMap<readonly Item<SummaryOf<'person'>>[], ReadonlyMap<string, string>>();
const NO_NAMES: ReadonlyMap<string, string> = new Map();

/** Person id → name, for every person on this device (names only, from the in-memory index). */
export function usePersonNames(): ReadonlyMap<string, string> {
  const persons = useIndex('person');
  if (!persons) return NO_NAMES;
  let names = namesBySnapshot.get(persons);
  if (!names) {
    names = new Map(persons.map((p) => [p.id, p.summary.name] as const));
    namesBySnapshot.set(persons, names);
  }
  return names;
}

/**
 * The search over the person index as it is now; null while the index loads. Its entries are made
 * when the page is idle after showing the list, not in its render.
 */
export function usePersonSearcher(): PersonSearch | null {
  const mirror = useData().index('person');
  const persons = useIndex('person');
  const search = useMemo(() => (persons ? personSearchFor(persons, (from) => mirror.changesBetween(from, persons)) : null), [persons, mirror]);
  useEffect(() => {
    if (!search) return;
    if (typeof requestIdleCallback === 'undefined') {
      const timer = setTimeout(() => search.prepare(), 0);
      return () => clearTimeout(timer);
    }
    const handle = requestIdleCallback(() => search.prepare(), { timeout: 1_000 });
    return () => cancelIdleCallback(handle);
  }, [search]);
  return search;
}

/** Persons matching the query, best first (alphabetical for an empty query); null while loading. */
export function usePersonSearch(query: string): Item<SummaryOf<'person'>>[] | null {
  const search = usePersonSearcher();
  return useMemo(() => (search ? search.search(query) : null), [search, query]);
}

/** A record's field changes and conflicts, newest first. */
export function useHistory(collection: Collection, id: string): HistoryEntry[] {
  const data = useData();
  const key = historyKey(collection, id);
  const { value } = useWorkerValue(
    data,
    key,
    [key],
    () => data.primedHistory(collection, id),
    () =>
      data.request('history', { collection, id }).catch((error: unknown) => {
        if (!(error instanceof LockedError)) console.error('cannot read history', error);
        return undefined;
      }),
  );
  return value ?? EMPTY;
}

const EMPTY: HistoryEntry[] = [];

/** Deleted records of every collection, most recently deleted first. */
export function useTrash(): TrashEntry[] {
  const trash = useData().trash();
  return useSyncExternalStore(trash.subscribe, trash.getSnapshot);
}

export interface Writer {
  create<C extends Collection>(collection: C, fields: FieldsOf<C>, id?: string): Promise<string>;
  update<C extends Collection>(collection: C, id: string, patch: Partial<FieldsOf<C>>): Promise<void>;
  remove(collection: Collection, id: string): Promise<void>;
  restore(collection: Collection, id: string): Promise<void>;
  /** The id derived from `parts` under the general key (reports, counters, occurrences). */
  derivedId(...parts: string[]): Promise<string>;
}

/**
 * Writes: validated (ValidationError with French messages per field), to the outbox first. A write
 * refused untouched because the workspace was re-opening with new keys (a rotation elsewhere) goes
 * to the re-opened workspace: the person who pressed « Enregistrer » at that moment sees it saved.
 */
export function useWriter(): Writer {
  const { workspace } = useWorkspace();
  const controller = useController();
  return useMemo(() => {
    /** Runs on this workspace, or on the re-opened one when this one refused it untouched. */
    const run = async <T,>(request: (data: DataClient) => Promise<T>): Promise<{ result: T; on: Workspace }> => {
      try {
        return { result: await request(workspace.data), on: workspace };
      } catch (error) {
        const next = error instanceof LockedError && error.untouched ? await controller.workspaceAfterReopening() : null;
        if (!next || next === workspace) throw error;
        return { result: await request(next.data), on: next };
      }
    };
    const write = async <T,>(request: (data: DataClient) => Promise<T>): Promise<T> => {
      const { result, on } = await run(request);
      void on.sync.afterWrite();
      return result;
    };
    return {
      create: (collection, fields, id) =>
        write((data) => data.request('create', id === undefined ? { collection, fields: fields as unknown as Fields } : { collection, fields: fields as unknown as Fields, id })),
      update: (collection, id, patch) => write((data) => data.request('update', { collection, id, patch: patch as unknown as Fields })).then(() => undefined),
      remove: (collection, id) => write((data) => data.request('remove', { collection, id })).then(() => undefined),
      restore: (collection, id) => write((data) => data.request('restore', { collection, id })).then(() => undefined),
      derivedId: (...parts) => run((data) => data.request('derivedId', { parts })).then(({ result }) => result),
    };
  }, [workspace, controller]);
}

/** `derivedId` of useWriter, on its own. */
export function useDerivedId(): (...parts: string[]) => Promise<string> {
  return useWriter().derivedId;
}

/** The organisation's settings, or core's defaults while it has none. */
export function useSettings(): SettingsFields {
  const items = useIndex('settings');
  const defaults = useMemo(() => defaultSettings(), []);
  // One settings record per organisation (derived id); after a key rotation an older one may
  // remain: the most recently created wins.
  return useMemo(() => {
    let best: Item<SummaryOf<'settings'>> | undefined;
    for (const item of items ?? []) {
      if (!best || (item.summary.createdAt ?? '') > (best.summary.createdAt ?? '')) best = item;
    }
    return best ? (best.summary as SettingsFields) : defaults;
  }, [items, defaults]);
}

/** The organisation's teams with their members (from the signed-in member's Me). */
export function useTeams(): Team[] {
  return useWorkspace().session.me.teams;
}

export function useMe(): Me {
  return useWorkspace().session.me;
}

/**
 * A form's draft: restored after navigation, reload and lock (sealed with the general key in
 * IndexedDB). `clear` after a successful save.
 */
export function useDraft<T>(key: string, initial: T): [T, (next: T) => void, () => void] {
  const data = useData();
  const initialRef = useRef(initial);
  initialRef.current = initial;
  const [state, setState] = useState<{ key: string; value: T }>(() => ({ key, value: (data.draft(key) as T | undefined) ?? initial }));
  const value = state.key === key ? state.value : ((data.draft(key) as T | undefined) ?? initial);
  const set = useCallback(
    (next: T) => {
      setState({ key, value: next });
      data.setDraft(key, next as unknown as Json);
    },
    [data, key],
  );
  const clear = useCallback(() => {
    setState({ key, value: initialRef.current });
    data.clearDraft(key);
  }, [data, key]);
  return [value, set, clear];
}

/** First-sync progress: persons first, then the rest; survives a reload. */
export function useSyncProgress(): SyncProgress {
  const progress = useData().progress;
  return useSyncExternalStore(progress.subscribe, progress.getSnapshot);
}

/** Member names for showing who did something, from the session (also offline, for every role). */
export function useMemberNames(): Map<string, string> {
  const { me } = useWorkspace().session;
  return useMemo(() => new Map([...me.colleagues.map((c): [string, string] => [c.id, c.name]), [me.user.id, me.user.name]]), [me]);
}
