export { buildApp, type AppOptions } from './app.ts';
export { openDatabase, openPglite, openPostgres, usePglite, type Database } from './db/database.ts';
export { migrate, MigrationHistoryError, type Migration } from './db/migrate.ts';
export { MIGRATIONS } from './migrations/index.ts';
export type { DB } from './db/schema.ts';
