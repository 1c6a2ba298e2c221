// The one place this feature names the data layer and core's domain modules, so a move there
// touches a single file.
export {
  useDerivedId,
  useDraft,
  useIndex,
  useIndexGroup,
  useIndexGroups,
  useMe,
  useMemberNames,
  usePersonSearch,
  useRecord,
  useRecords,
  useSettings,
  useTeams,
  useWriter,
  ValidationError,
} from '../../data/hooks.ts';
export type { ActionFields } from '@relais/core/domain/action';
export type { ActionSeriesFields } from '@relais/core/domain/action-series';
export type { CommentFields } from '@relais/core/domain/comment';
