/** What the load server hands the load generator. */
export interface LoadPlan {
  base: string;
  eventId: string;
  /** Bearer tokens of the delegates who open their agendas. */
  readers: string[];
  /** Who asks whom: the asker's token and the asked delegate's id, each pair new. */
  pairs: { token: string; to: string }[];
}

export const DELEGATES = 2_000;
export const REQUESTS_PER_SECOND = 200;
