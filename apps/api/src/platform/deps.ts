import type { Db } from './db/db.js';
import type { Clock } from './clock.js';
import type { Config } from '../config.js';
import type { Logger } from './logger.js';

/** What every use case may depend on. Built once in main.ts (or a test harness). */
export interface Deps {
  db: Db;
  clock: Clock;
  config: Config;
  log: Logger;
}
