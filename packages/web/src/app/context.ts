import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AppController, Unlocked, Workspace } from '../session/controller.ts';
import type { SyncStatus } from '../session/sync-controller.ts';

export const ControllerContext = createContext<AppController | null>(null);

export function useController(): AppController {
  const controller = useContext(ControllerContext);
  if (!controller) throw new Error('ControllerContext missing');
  return controller;
}

export const WorkspaceContext = createContext<{ session: Unlocked; workspace: Workspace } | null>(null);

/** The unlocked session and its workspace; only screens shown in the 'ready' state use it. */
export function useWorkspace(): { session: Unlocked; workspace: Workspace } {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('WorkspaceContext missing');
  return value;
}

export function useSyncStatus(): SyncStatus {
  const { workspace } = useWorkspace();
  return useSyncExternalStore(workspace.sync.subscribe, workspace.sync.getState);
}
