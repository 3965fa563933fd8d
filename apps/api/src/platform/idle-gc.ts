import type { FastifyInstance } from 'fastify';

/**
 * After a burst of requests V8 keeps its grown heap for a long time, so an idle server can sit at
 * twice its working size. When the process runs with --expose-gc (as `npm start` does), collect
 * once after two quiet seconds so idle memory returns to what the server really holds.
 */
export function collectWhenIdle(app: FastifyInstance, quietMs = 2000) {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return () => undefined;
  let last = 0;
  let dirty = false;
  app.addHook('onResponse', async () => {
    last = Date.now();
    dirty = true;
  });
  const timer = setInterval(() => {
    if (dirty && Date.now() - last >= quietMs) {
      dirty = false;
      gc();
    }
  }, quietMs).unref();
  return () => clearInterval(timer);
}
