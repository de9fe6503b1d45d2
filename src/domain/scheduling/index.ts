/** Public API of the meeting scheduler (pure: no I/O, no clock except the injected one). */
export type { Assignment, Instance, Meeting, Participant, Session, SolveResult, SolveStatus, StopReason } from './instance';
export { DEFAULT_FAIRNESS, DEFAULT_TIME_LIMIT_SECONDS } from './instance';
export { InstanceError, parseInstance, parseInstanceText } from './parse';
export { solve, type SolveOptions } from './solve';
export { scheduleFirstComeFirstServed } from './first-come-first-served';
export { validateSchedule, countBreaks, type ScheduleReport } from './validate';
export { generateBrokerage, generateForum, generatePlanted, forumSizes, type BrokerageOptions, type ForumOptions, type PlantedOptions } from './generate';
export type { Priority } from './local-search';
export { combineResults, secondSearchFor } from './portfolio';
