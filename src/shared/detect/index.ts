export { detect, detectIncremental, detectWithState, Detector, type DetectionState } from './detect';
export type {
  DetectEntity,
  DetectOptions,
  KnownPerson,
  KnownRole,
  SpeakerKind,
  Suggestion,
  SuggestionKind,
} from './types';
