// The one place this feature names the data layer, so a move there touches a single file.
export { useIndex, useIndexGroup, useRecord, useRecords, usePersonSearch, useWriter, useSettings, useTeams, useMe, useDraft } from '../../data/hooks.ts';
export { partsKey, useDerivedIds } from './id-maker.ts';
