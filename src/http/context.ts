import type { Config } from '../config';
import type { Database } from '../storage/db';

/** What every route module receives: the database and the settings. No other shared state. */
export interface HttpContext {
  db: Database;
  config: Config;
}
