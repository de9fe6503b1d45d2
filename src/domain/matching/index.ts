/** Matchmaking: the public surface the services, HTTP routes, CLI and benchmarks use. */
export { buildMatchIndex, createEmptyIndex, recordMeetingRequest, removeOrganisation, updateOrganisation } from './match-index';
export type { MatchIndex, MatchOptions, MeetingRequestSignal, MeetingRequestStatus } from './match-index';
export { candidateLists, recommend, scorePair } from './recommend';
export type { Recommendation, RecommendOptions } from './recommend';
export type { PairExplanation } from './explain';
export { allocateFairly, GOOD_SUGGESTION_SCORE } from './fair-allocation';
export type { FairAllocation, FairAllocationOptions, Suggestion } from './fair-allocation';
export { renderReason } from './reasons';
export type { MatchReason } from './reasons';
export { DEFAULT_WEIGHTS, mayMeet, PAKISTAN_CHINA_ONLY } from './scoring';
export type { MatchWeights, PairFeatures, PairingRule } from './scoring';
export { evaluateMatching } from './evaluation';
export type { EvaluationResult, GoodPair, MethodResult } from './evaluation';
export { tagBaseline, textBaseline } from './baselines';
export type { Baseline, RankedPartner } from './baselines';
