// The features of the app, in navigation order. Each brings its routes and its menu entries.
import type { Feature } from './feature.ts';
import { feature as actions } from '../screens/actions/feature.tsx';
import { feature as activity } from '../screens/activity/feature.tsx';
import { feature as persons } from '../screens/persons/feature.tsx';
import { feature as settings } from '../screens/settings/feature.tsx';

export const FEATURES: readonly Feature[] = [persons, actions, activity, settings];

/** The first feature route matching the path, rendered; null for an unknown path. */
export function renderFeatureRoute(path: string, features: readonly Feature[] = FEATURES): ReturnType<Feature['routes'][number]['render']> | null {
  for (const feature of features) {
    for (const route of feature.routes) {
      const m = route.path.exec(path);
      if (m) return route.render(m.slice(1).map((part) => part ?? ''));
    }
  }
  return null;
}
