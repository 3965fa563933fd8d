// A tiny fetch wrapper for the Hearth API:
// - same-origin cookies (HttpOnly session), JSON in and out;
// - the CSRF header on every state-changing request once the session has given us a token;
// - `background: true` marks requests made by timers/polling (x-hearth-background: 1) so they do not
//   extend the server's idle timeout;
// - RFC 9457 problem+json parsed into an ApiError with per-field messages;
// - a 401 on an authenticated call hands control to the registered handler (clears data, goes to sign-in).

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldError[];
  /** The problem document's extension members (RFC 9457), e.g. the conflicting dates of a booking. */
  readonly problem: Record<string, unknown>;

  constructor(init: {
    status: number;
    title: string;
    detail?: string;
    code?: string;
    errors?: FieldError[];
    problem?: Record<string, unknown>;
  }) {
    super(init.detail || init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.errors ?? [];
    this.problem = init.problem ?? {};
  }

  /** A sentence for people: the problem's detail, or a plain fallback. Never a raw code. */
  get userMessage(): string {
    return userMessageFor(this);
  }
}

const FALLBACK: Record<number, string> = {
  0: 'Hearth could not be reached. Check your connection and try again.',
  400: 'Some of the information is not valid. Check the highlighted fields.',
  401: 'Your session has ended. Please sign in again.',
  403: 'You do not have permission to do that.',
  404: 'That record could not be found.',
  409: 'Someone else changed this record. Reload to see the latest version.',
  413: 'That is too large to upload.',
  423: 'This account is locked. Try again later or ask an administrator to unlock it.',
  429: 'Too many attempts. Wait a moment and try again.',
};

export function userMessageFor(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.detail) return err.detail;
    return (
      FALLBACK[err.status] ??
      (err.status >= 500 ? 'Something went wrong on our side. Please try again.' : err.title)
    );
  }
  return 'Something went wrong. Please try again.';
}

let csrfToken: string | null = null;
/** Set from GET /api/auth/session; cleared on sign-out. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

let unauthorizedHandler: (() => void) | null = null;
/** Called when an authenticated request answers 401 (session expired or revoked elsewhere). */
export function onUnauthorized(handler: (() => void) | null) {
  unauthorizedHandler = handler;
}

let lastUserRequestAt = Date.now();
/** When the last request not marked as background was sent (it extends the server's idle timer). */
export function getLastUserRequestAt() {
  return lastUserRequestAt;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Made by a timer or poll, not by the person: does not extend the idle timeout. */
  background?: boolean;
  /** A 401 is an expected answer (sign-in, session probe): do not treat it as "signed out". */
  allowUnauthenticated?: boolean;
  signal?: AbortSignal;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (opts.background) headers['x-hearth-background'] = '1';
  else lastUserRequestAt = Date.now();

  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, title: 'Network error' });
  }

  if (res.ok) {
    if (res.status === 204) return undefined as T;
    const type = res.headers.get('content-type') ?? '';
    if (!type.includes('json')) return (await res.text()) as unknown as T;
    return (await res.json()) as T;
  }

  const err = await toApiError(res);
  if (res.status === 401 && !opts.allowUnauthenticated && unauthorizedHandler) unauthorizedHandler();
  throw err;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON: fall back to the status */
  }
  const p = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const errors = Array.isArray(p.errors)
    ? (p.errors as unknown[])
        .filter((e): e is FieldError => !!e && typeof e === 'object' && 'field' in e && 'message' in e)
        .map((e) => ({ field: String(e.field), message: String(e.message) }))
    : [];
  return new ApiError({
    status: res.status,
    title: typeof p.title === 'string' ? p.title : res.statusText || 'Error',
    detail: typeof p.detail === 'string' ? p.detail : undefined,
    code: typeof p.code === 'string' ? p.code : undefined,
    errors,
    problem: p,
  });
}

/** Builds a query string from defined, non-empty values. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}
