export { DEFAULT_DEMO_ORGANISATIONS, DEFAULT_DEMO_SEED, generateDemoEvent } from './generate';
export { MAX_ACCEPTED_PER_DELEGATE } from './meeting-requests';
export type {
  DemoDelegate,
  DemoEvent,
  DemoEventInfo,
  DemoEventOptions,
  DemoLogin,
  DemoMeetingRequest,
  DemoMeetingRequestStatus,
  DemoOrganisation,
  DemoSession,
  DemoSlot,
  DemoTable,
} from './types';
