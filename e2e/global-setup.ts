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
  server = await startServer();
  project.provide('baseUrl', server.url);
  return async () => {
    await server?.stop();
  };
}
