import type { TestProject } from 'vitest/node';
import { startServer, type RunningServer } from './support/server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: RunningServer | undefined;

/** One real server for the browser journeys: built apps, embedded database, the demo practice. */
export default async function setup(project: TestProject) {
  // Every journey signs in from 127.0.0.1: lift the per-IP sign-in rate limit for the shared server.
  server = await startServer({ RATE_LIMIT_SIGNIN_PER_MINUTE: '1000' });
  project.provide('baseUrl', server.url);
  return async () => {
    await server?.stop();
  };
}
