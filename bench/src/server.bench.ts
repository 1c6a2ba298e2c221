import type { SyntheticOrganisation } from './generator.ts';
import type { Want } from './report.ts';
export const SERVER_FIGURES = ['pull.postgres', 'pull.pglite', 'push100.p50', 'push100.p95'];
export async function benchServer(_org: SyntheticOrganisation, _want: Want): Promise<void> {}
