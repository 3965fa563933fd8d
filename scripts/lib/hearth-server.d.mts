import type { ChildProcess } from 'node:child_process';

export function freePort(): Promise<number>;
export const NODE_FLAGS: string[];

export interface HearthProcess {
  url: string;
  port: number;
  pid: number;
  proc: ChildProcess;
  exited: Promise<number | null>;
  output(): string;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export function launchHearth(o?: {
  env?: Record<string, string>;
  /** Variables of this process not to pass on. */
  unset?: string[];
  from?: 'bundle' | 'source';
  timeoutMs?: number;
  port?: number;
}): Promise<HearthProcess>;
