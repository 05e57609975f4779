export { detect, detectIncremental, detectWithState, Detector, type DetectionState } from './detect';
export type { DetectEntity, DetectOptions, Suggestion, SuggestionKind } from './types';
