// One load measurement with autocannon: N keep-alive connections for a fixed time, each request's
// path chosen by `nextPath`. Latency percentiles come from every successful response (exact, not
// bucketed), because autocannon's own summary has no p95.
import autocannon from 'autocannon';

export interface LoadResult {
  connections: number;
  seconds: number;
  ok: number;
  failed: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export interface Req {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

export interface Auth {
  cookie: string;
  csrf: string;
}

export function measure(opts: {
  url: string;
  auth: Auth;
  connections: number;
  seconds: number;
  next: () => Req;
}): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const lat: number[] = [];
    let failed = 0;
    const t0 = performance.now();
    const inst = autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        duration: opts.seconds,
        timeout: 30,
        headers: { cookie: opts.auth.cookie, 'x-csrf-token': opts.auth.csrf, accept: 'application/json', 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (req) => {
              const r = opts.next();
              return { ...req, method: r.method, path: r.path, body: r.body };
            },
          },
        ],
      },
      (err, r) => {
        if (err) return reject(err);
        const seconds = (performance.now() - t0) / 1000;
        lat.sort((a, b) => a - b);
        const pct = (p: number) =>
          lat.length ? lat[Math.min(lat.length - 1, Math.ceil((p / 100) * lat.length) - 1)]! : NaN;
        resolve({
          connections: opts.connections,
          seconds: r.duration || seconds,
          ok: lat.length,
          failed: failed + r.errors + r.timeouts,
          rps: lat.length / (r.duration || seconds),
          p50: pct(50),
          p95: pct(95),
          p99: pct(99),
          mean: lat.reduce((a, b) => a + b, 0) / (lat.length || 1),
        });
      },
    );
    inst.on('response', (_c, status, _b, ms) => {
      if (status >= 200 && status < 300) lat.push(ms);
      else failed++;
    });
  });
}
