// A feature (persons, actions, activity…) brings its own screens: its routes and its entries in
// the main navigation. The shell composes the features listed in features.ts, so each feature's
// folder can change without touching the others.
import type { ReactNode } from 'react';
import type { Modules } from '@relais/core/domain/settings';
import type { Role } from '@relais/core/protocol';

export interface FeatureRoute {
  /** Matched against the path; capture groups are passed to `render` in order. */
  path: RegExp;
  render: (params: string[]) => ReactNode;
}

export interface NavEntry {
  href: string;
  /** French label shown in the navigation. */
  label: string;
  /** The entry is marked current when the path matches. */
  match: RegExp;
  /** Roles that see the entry; all roles when absent. */
  roles?: readonly Role[];
  /** The organisation module (settings) that must be on for the entry to show. */
  module?: keyof Modules;
}

export interface Feature {
  routes: readonly FeatureRoute[];
  nav: readonly NavEntry[];
}
