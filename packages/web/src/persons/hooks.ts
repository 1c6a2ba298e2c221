// Person data for the screens: decrypted from the local store on demand, reloaded whenever the
// sync status reports a change. Nothing decrypted is written anywhere.
import { useEffect, useState } from 'react';
import type { Json } from '@relais/core/sync/types';
import { useController, useSyncStatus, useWorkspace } from '../app/context.ts';
import { personFromView, type Person } from './person.ts';

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

export interface PersonsState {
  persons: Person[];
  /** Ids of persons with at least one set-aside value. */
  conflicted: Set<string>;
}

export function usePersons(): PersonsState | null {
  const { workspace } = useWorkspace();
  const { revision } = useSyncStatus();
  const [state, setState] = useState<PersonsState | null>(null);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const [views, events] = await Promise.all([workspace.engine.list('person'), workspace.engine.list('history')]);
        const conflicted = new Set<string>();
        for (const e of events) {
          const f = e.document.fields;
          if (f.kind === 'conflict' && f.recordCollection === 'person' && typeof f.recordId === 'string') conflicted.add(f.recordId);
        }
        const persons = views.map(personFromView).sort((a, b) => collator.compare(a.name, b.name));
        if (!cancelled) setState({ persons, conflicted });
      } catch (error) {
        console.error('cannot read persons', error);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [workspace, revision]);
  return state;
}

export interface ConflictEvent {
  id: string;
  field: string;
  keptValue: Json;
  setAsideValue: Json;
  keptStamp: string;
  setAsideStamp: string;
}

export type PersonState = { status: 'loading' } | { status: 'missing' } | { status: 'found'; person: Person; conflicts: ConflictEvent[] };

export function usePerson(id: string): PersonState {
  const { workspace } = useWorkspace();
  const { revision } = useSyncStatus();
  const [state, setState] = useState<PersonState>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const view = await workspace.engine.read('person', id);
        if (!view || view.deleted) {
          if (!cancelled) setState({ status: 'missing' });
          return;
        }
        const history = await workspace.engine.history('person', id);
        const conflicts: ConflictEvent[] = [];
        for (const event of history) {
          const f = event.document.fields;
          if (f.kind !== 'conflict') continue;
          conflicts.push({
            id: event.id,
            field: typeof f.field === 'string' ? f.field : '',
            keptValue: f.keptValue ?? null,
            setAsideValue: f.setAsideValue ?? null,
            keptStamp: typeof f.keptStamp === 'string' ? f.keptStamp : '',
            setAsideStamp: typeof f.setAsideStamp === 'string' ? f.setAsideStamp : '',
          });
        }
        // Newest first: history ids are UUIDv7, ordered by creation time.
        conflicts.sort((a, b) => (a.id < b.id ? 1 : -1));
        if (!cancelled) setState({ status: 'found', person: personFromView(view), conflicts });
      } catch (error) {
        console.error('cannot read person', error);
        if (!cancelled) setState({ status: 'missing' });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [workspace, id, revision]);
  return state;
}

/** Member names for showing who made a change: known to admins (GET /api/members), else only self. */
export function useMemberNames(): Map<string, string> {
  const controller = useController();
  const { session } = useWorkspace();
  const self = session.me.user;
  const { revision } = useSyncStatus();
  const [names, setNames] = useState<Map<string, string>>(() => new Map([[self.id, self.name]]));
  const isAdmin = self.role === 'admin';
  useEffect(() => {
    if (!isAdmin) return;
    let cancelled = false;
    controller.api.members().then(
      ({ members }) => {
        if (!cancelled) setNames(new Map(members.map((m) => [m.id, m.name])));
      },
      () => undefined, // offline: stamps show "un autre membre"
    );
    return () => {
      cancelled = true;
    };
    // Refetched after each sync that changed data: a stamp may name a member who joined since.
  }, [controller, isAdmin, revision]);
  return names;
}
