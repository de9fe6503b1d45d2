import { runScheduleJob, SCHEDULE_BUILD, SCHEDULE_REPLAN } from '../services/schedules/schedule-job';
import type { JobHandler } from './job-runner';

/** Every kind of background job and the code that runs it. */
export const JOB_HANDLERS: Record<string, JobHandler> = {
  [SCHEDULE_BUILD]: runScheduleJob,
  [SCHEDULE_REPLAN]: runScheduleJob,
};
