// The one place the person screens name the data layer and core's domain modules, so a move there
// touches a single file.
export {
  useDraft,
  useHistory,
  useIndex,
  useIndexGroup,
  useIndexItem,
  useIndexGroups,
  useMe,
  useMemberNames,
  usePersonNames,
  usePersonSearch,
  usePersonSearcher,
  useReadPersonFilesAhead,
  useRecord,
  useRecords,
  useSettings,
  useSyncProgress,
  useTeams,
  useTrash,
  useWriter,
  ValidationError,
} from '../../data/hooks.ts';
